/**
 * Where a highlight is, in a form that survives small changes to the article: the quoted text with
 * some context on each side (the W3C Web Annotation TextQuoteSelector) plus its last known
 * position as a hint. Finding it again tries, in order: the same place; the quote wherever its
 * context fits best (white space ignored, since extraction may change it); and, when the quote
 * itself was edited a little, the stretch between its old context that reads nearly the same.
 * Pure string work.
 */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextAnchor {
  quote: TextQuote;
  /** Offsets in the body's text when the highlight was made or last found. */
  start: number;
  end: number;
}

export const CONTEXT_LENGTH = 32;
/** How close an edited quote must still read to the original (1 = identical). */
export const MIN_SIMILARITY = 0.75;
/** Candidates examined per search: a quote of "the" must not cost seconds. */
const MAX_CANDIDATES = 200;
/** The edit-distance fallback is quadratic: it is tried on at most this many places, for quotes this long. */
const MAX_FUZZY_CANDIDATES = 20;
const MAX_FUZZY_LENGTH = 1500;

export function describeRange(text: string, start: number, end: number): TextAnchor {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    start,
    end,
  };
}

interface Normalized {
  text: string;
  /** map[i] = offset in the original of normalized character i; map[length] = original length. */
  map: number[];
}

/** White space runs → one space, so re-extracted text with other line breaks still matches. */
function normalize(text: string): Normalized {
  let out = '';
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (space) continue;
      space = true;
      out += ' ';
    } else {
      space = false;
      out += c;
    }
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0 && out.length < MAX_CANDIDATES; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** 1 − edit distance / longer length; two-row Levenshtein. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return 1 - prev[b.length]! / Math.max(a.length, b.length);
}

/** The anchor's text in `text` now, as offsets into `text`, or undefined when it is gone. */
export function locate(text: string, anchor: TextAnchor): { start: number; end: number } | undefined {
  const { quote } = anchor;
  if (!quote.exact.trim()) return undefined;
  if (text.slice(anchor.start, anchor.end) === quote.exact) return { start: anchor.start, end: anchor.end };

  const n = normalize(text);
  const exact = squash(quote.exact);
  const prefix = squash(quote.prefix);
  const suffix = squash(quote.suffix);
  const back = (from: number, to: number) => ({ start: n.map[from]!, end: n.map[to - 1]! + 1 });
  const hint = anchor.start / Math.max(1, text.length);

  // The quote itself, where its context agrees most (and, on a tie, nearest its old place).
  let best: { at: number; score: number } | undefined;
  for (const at of occurrences(n.text, exact)) {
    const score = commonSuffix(n.text.slice(Math.max(0, at - prefix.length), at), prefix)
      + commonPrefix(n.text.slice(at + exact.length, at + exact.length + suffix.length), suffix)
      - Math.abs(n.map[at]! / Math.max(1, text.length) - hint);
    if (!best || score > best.score) best = { at, score };
  }
  if (best) return back(best.at, best.at + exact.length);

  // The quote was edited: what now stands between its old context, if it reads nearly the same.
  if (exact.length > MAX_FUZZY_LENGTH) return undefined;
  let fuzzy: { from: number; to: number; score: number } | undefined;
  const consider = (from: number, to: number) => {
    if (to <= from || to - from > exact.length * 1.5 + 20) return;
    const score = similarity(n.text.slice(from, to), exact);
    if (score >= MIN_SIMILARITY && (!fuzzy || score > fuzzy.score)) fuzzy = { from, to, score };
  };
  const prefixes = prefix.trim().length >= 8 ? occurrences(n.text, prefix).slice(0, MAX_FUZZY_CANDIDATES).map((p) => p + prefix.length) : [];
  const suffixes = suffix.trim().length >= 8 ? occurrences(n.text, suffix).slice(0, MAX_FUZZY_CANDIDATES) : [];
  for (const from of prefixes) {
    const to = suffixes.find((s) => s >= from);
    if (to !== undefined) consider(from, to);
    else consider(from, from + exact.length);
  }
  if (!prefixes.length) for (const to of suffixes) consider(Math.max(0, to - exact.length), to);
  if (!fuzzy) return undefined;
  // Trim the white space the context boundaries may have left at either end.
  let { from, to } = fuzzy;
  while (from < to && n.text[from] === ' ') from++;
  while (to > from && n.text[to - 1] === ' ') to--;
  return to > from ? back(from, to) : undefined;
}
