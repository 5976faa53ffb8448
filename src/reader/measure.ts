/**
 * The measure: how wide the text column is, in characters of the article's own text set in the
 * chosen font. Typefaces differ a lot in how many letters fit in an em (a narrow Times clone fits
 * half again as many as a wide sans), and `ch` is the width of "0", wider than an average letter,
 * so neither em nor ch gives a number of characters. Instead the average advance of this
 * article's text is measured with a canvas (text metrics, no layout of the page or the overlay),
 * spacing settings included, and the column is that many times wider than it.
 */
import type { Settings } from '../settings/schema.ts';

/** How the column's average line falls short of its capacity: the part-word that did not fit. */
export const BREAK_SLACK = 4;
/** Bounds on the average advance (em per character), for text the canvas cannot measure. */
const MIN_ADVANCE = 0.3;
const MAX_ADVANCE = 0.62;
/** Latin prose in a common serif, for when there is nothing to measure (jsdom, no canvas). */
export const DEFAULT_ADVANCE = 0.47;
const SAMPLE = 4000;

/** A few thousand characters of running text: enough to average over, cheap to measure. */
export function sampleText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, SAMPLE);
}

export interface AdvanceInput {
  /** A CSS font-family list. */
  family: string;
  letterSpacing: number;
  wordSpacing: number;
  sample: string;
}

/** Average advance of one character of `sample`, in em, spacing included. */
export function averageAdvance(doc: Document, input: AdvanceInput): number {
  const { sample } = input;
  if (!sample) return DEFAULT_ADVANCE;
  let width: number | undefined;
  try {
    const context = doc.createElement('canvas').getContext('2d');
    if (context) {
      context.font = `400 100px ${input.family}`;
      width = context.measureText(sample).width / 100;
    }
  } catch {
    // A canvas the page has broken, or none at all: the typical advance below.
  }
  if (!width || !Number.isFinite(width)) return DEFAULT_ADVANCE;
  const chars = [...sample].length;
  const spaces = sample.split(' ').length - 1;
  const advance = (width + input.letterSpacing * chars + input.wordSpacing * spaces) / chars;
  return Math.min(MAX_ADVANCE, Math.max(MIN_ADVANCE, advance));
}

/** The CSS values that set the column: characters across, and em per character. */
export function measureProperties(settings: Pick<Settings, 'contentWidth'>, advance: number): Record<string, string> {
  return {
    '--measure-chars': String(settings.contentWidth + BREAK_SLACK),
    '--char-advance': advance.toFixed(4),
  };
}
