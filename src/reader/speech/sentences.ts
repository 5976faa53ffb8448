/**
 * Paragraph text → sentence-sized pieces to speak. Long utterances stall or are cut off silently
 * in some engines, so each utterance is one sentence, and an overlong sentence is cut at a clause
 * boundary. Intl.Segmenter finds the sentences; it knows no abbreviations, so "Dr. Smith" would
 * be two sentences: a piece ending in a known abbreviation or an initial joins the next. Pure.
 */
import type { Paragraph } from './readable-text.ts';

export interface Sentence {
  /** Index of the paragraph in the list it was cut from. */
  paragraph: number;
  /** Offsets in the paragraph's block text (the same space as Paragraph.from/to). */
  start: number;
  end: number;
  /** What is spoken: the text with its runs of white space collapsed. */
  text: string;
  /** The text as it stands in the paragraph, from start to end. */
  raw: string;
}

/** Longer sentences are cut (characters); engines cope with this comfortably. */
export const MAX_UTTERANCE = 240;

/** Abbreviations that end in a full stop but rarely end a sentence, by primary language. */
const ABBREVIATIONS: Record<string, string[]> = {
  en: ['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'no', 'fig', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'u.s', 'u.k', 'a.m', 'p.m'],
  de: ['dr', 'prof', 'nr', 'bzw', 'z.b', 'usw', 'ca', 'vgl', 'hr', 'fr', 'str', 'd.h', 'u.a', 's'],
  fr: ['m', 'mme', 'mlle', 'dr', 'pr', 'st', 'ste', 'etc', 'p.ex', 'cf', 'env', 'av', 'bd'],
  es: ['sr', 'sra', 'srta', 'dr', 'dra', 'etc', 'p.ej', 'ud', 'uds', 'av', 'núm'],
  it: ['sig', 'sigg', 'dott', 'prof', 'ecc', 'p.es', 'avv', 'ing'],
  nl: ['dhr', 'mevr', 'dr', 'prof', 'bijv', 'enz', 'o.a', 'nr'],
  pt: ['sr', 'sra', 'dr', 'dra', 'etc', 'av', 'nº'],
};

const primary = (lang: string | undefined) => (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';

/** Whether a piece ends in an abbreviation or an initial ("J. R. R."), so the sentence goes on. */
function endsInAbbreviation(piece: string, lang: string | undefined): boolean {
  const m = /(?:^|[\s("'“‘])([\p{L}.]+)\.\s*$/u.exec(piece);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  if (/^\p{Lu}$/u.test(m[1]!)) return true;
  return (ABBREVIATIONS[primary(lang)] ?? ABBREVIATIONS.en!).includes(word);
}

/** Cuts [start, end) of `text` into pieces no longer than `max`, at a clause mark or a space. */
function cut(text: string, start: number, end: number, max: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  while (end - from > max) {
    const window = text.slice(from, from + max);
    let at = -1;
    for (const mark of [/[;:—–](?=\s)/g, /,(?=\s)/g, /\s/g]) {
      let m: RegExpExecArray | null;
      let best = -1;
      while ((m = mark.exec(window))) if (m.index >= max / 3) best = m.index + 1;
      if (best > 0) { at = best; break; }
    }
    if (at <= 0) at = max;
    out.push([from, from + at]);
    from += at;
  }
  out.push([from, end]);
  return out;
}

/** The sentences of every paragraph, in reading order. */
export function splitSentences(paragraphs: Paragraph[], lang: string | undefined, max = MAX_UTTERANCE): Sentence[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    const pieces: [number, number][] = [];
    let pending: number | undefined;
    for (const { segment, index } of segmenter.segment(p.text)) {
      const start = pending ?? index;
      const end = index + segment.length;
      if (endsInAbbreviation(segment, lang) && end < p.text.length) {
        pending = start;
        continue;
      }
      pending = undefined;
      pieces.push([start, end]);
    }
    if (pending !== undefined) pieces.push([pending, p.text.length]);
    for (const [s, e] of pieces) {
      for (const [a, b] of cut(p.text, s, e, max)) {
        // Offsets without the surrounding white space, so the highlight hugs the words.
        const raw = p.text.slice(a, b);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        if (!/[\p{L}\p{N}]/u.test(text)) continue;
        out.push({ paragraph, start: p.from + a + lead, end: p.from + a + lead + text.length, text: text.replace(/\s+/g, ' '), raw: text });
      }
    }
  });
  return out;
}
