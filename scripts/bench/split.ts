/**
 * The tuning/validation split shared by every benchmark of the project: tuning iff
 * parseInt(sha1(corpus + '/' + pageId).slice(0, 8), 16) / 2**32 < 0.7. Page ids: WCXB's file id
 * ("0001"), trafilatura's HTML file name without ".gz", Readability's test-page folder name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CorpusName = 'wcxb' | 'trafilatura' | 'readability';
export type Part = 'tuning' | 'validation';

export function isTuning(corpus: CorpusName, pageId: string): boolean {
  const hex = createHash('sha1').update(`${corpus}/${pageId}`).digest('hex');
  return parseInt(hex.slice(0, 8), 16) / 2 ** 32 < 0.7;
}

export function partOf(corpus: CorpusName, pageId: string): Part {
  return isTuning(corpus, pageId) ? 'tuning' : 'validation';
}

/** The committed split (scripts/bench/split.json), checked against the rule when loaded. */
export function committedSplit(): Record<CorpusName, Record<Part, string[]>> {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'split.json'), 'utf8'));
}
