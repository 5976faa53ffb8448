/**
 * The lines above an article's first paragraph that describe it rather than belong to it: the
 * kicker ("Politics"), the dateline and time stamp, the byline, reading time, a row of tags or
 * share links. Readability keeps them when they share the article's container. Only short blocks
 * before the first prose paragraph are looked at, and only ones that read as metadata: a date or
 * time, the byline's names, mostly links, or a label of a few words. A standfirst (a sentence) and
 * headings, images and figures stay.
 */
import { DATE, TIME, isProse, linkDensity, textOf } from './dom-text.ts';
import type { TextSizes } from './text-sizes.ts';

const LEAF_BLOCKS = 'p, div, span, ul, ol, li, time, address, small, section, header';
const MEDIA = 'img, picture, video, figure, table, pre, iframe, svg, blockquote';
/** "5 min read", "Lesezeit: 3 Minuten", "Updated", "Published": reading-time and stamp labels. */
const STAMP = /\b\d+\s*(?:min(?:ute)?s?|minuten)\b|\b(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\b|^(?:updated|published|posted|aktualisiert|veröffentlicht|publié|publicado|pubblicato)\b/i;

function firstProse(root: Element): Element | undefined {
  for (const el of root.querySelectorAll('p, div, li, blockquote, td')) {
    if (el.querySelector('p, div, li')) continue;
    if (isProse(textOf(el))) return el;
  }
  return undefined;
}

function looksLikeMeta(text: string, el: Element, names: string[]): boolean {
  if (text.length > 140) return false;
  const lower = text.toLowerCase();
  if (DATE.test(text) || TIME.test(text) || STAMP.test(text)) return true;
  if (names.some((n) => n && lower.includes(n))) return true;
  if (el.querySelector('a[href]') && linkDensity(el, text.length) >= 0.7) return true;
  // A kicker or label: a few words, no sentence.
  return text.split(' ').length <= 3 && !/[.!?]$/.test(text);
}

export function trimLeadingMeta(root: Element, sizes: TextSizes, byline: string | undefined): void {
  const first = firstProse(root);
  if (!first) return;
  const names = (byline ?? '').toLowerCase().split(/,\s*|\s+and\s+|\s+und\s+/).map((n) => n.trim()).filter((n) => n.length >= 3);
  const candidates: Element[] = [];
  // Meta lines sit above the body's first section: the walk stops at the first subheading, and
  // after a few blocks (a list-style article's items are not its meta).
  for (const el of root.querySelectorAll(`${LEAF_BLOCKS}, h2, h3, h4, h5, h6`)) {
    if (/^h[2-6]$/.test(el.localName) || candidates.length >= 8) break;
    if (el === first || el.contains(first)) continue;
    if (first.compareDocumentPosition(el) & 4 /* el follows the first paragraph */) break;
    if (first.contains(el) || el.closest('figure, h1, blockquote, table')) continue;
    candidates.push(el);
  }
  // Outermost first: a wrapper of meta lines goes whole; one holding anything else is judged by its parts.
  for (const el of candidates) {
    if (!root.contains(el) || sizes.of(el) === 0 || el.querySelector(MEDIA)) continue;
    const text = textOf(el);
    if (text && looksLikeMeta(text, el, names)) sizes.remove(el);
  }
}
