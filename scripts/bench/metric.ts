/**
 * A faithful TypeScript port of WCXB's evaluate.py scoring (word-level precision, recall and F1
 * over lowercase `\w+` tokens, multiset overlap), plus the title and author checks used in the
 * project's targets. Python's `\w` on str is Unicode-aware (letters, numbers, underscore), which
 * `[\p{L}\p{N}_]` reproduces; combining marks split words in both.
 */
export function tokenize(text: string): string[] {
  if (!text) return [];
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function wordF1(predicted: string, reference: string): Prf {
  const pred = tokenize(predicted);
  const ref = tokenize(reference);
  if (ref.length === 0) return pred.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (pred.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const refCounts = new Map<string, number>();
  for (const t of ref) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  const predCounts = new Map<string, number>();
  for (const t of pred) predCounts.set(t, (predCounts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const [t, n] of predCounts) overlap += Math.min(n, refCounts.get(t) ?? 0);
  const precision = overlap / pred.length;
  const recall = overlap / ref.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Case, punctuation, quote style and spacing differences do not count against a title. */
export function normaliseTitle(s: string | null | undefined): string {
  return tokenize((s ?? '').normalize('NFKC')).join(' ');
}

export function titleMatches(predicted: string | null | undefined, truth: string): boolean {
  return normaliseTitle(predicted) === normaliseTitle(truth);
}

/** Every word of the ground-truth author name(s) appears in the predicted byline. */
export function authorMatches(predicted: string | null | undefined, truth: string): boolean {
  const want = tokenize(truth.normalize('NFKC'));
  if (want.length === 0) return true;
  const have = new Set(tokenize((predicted ?? '').normalize('NFKC')));
  return want.every((w) => have.has(w));
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const squashSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * trafilatura's evaluation (tests/eval_common.py, count_item): a "with" snippet found in the
 * whitespace-normalised text is a true positive, else a false negative; a "without" snippet found
 * is a false positive, else a true negative. Counts are pooled over the corpus.
 */
export function snippetCounts(text: string, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const t = squashSpace(text);
  const tp = withSnippets.filter((s) => t.includes(squashSpace(s))).length;
  const fp = withoutSnippets.filter((s) => t.includes(squashSpace(s))).length;
  return { tp, fp, fn: withSnippets.length - tp, tn: withoutSnippets.length - fp };
}
