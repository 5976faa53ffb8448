/**
 * How far the reader can trust an extraction, for it to say so when the result looks poor. Built
 * from what the pipeline already knows: whether detection would offer the page at all, how much
 * prose it found, how much of the body is links (a list of teasers, a menu), and whether the body
 * is the page's own container rather than Readability's pick. BENCHMARKS.md shows how the score
 * relates to body F1 on the validation pages.
 */
import type { ArticleSignals } from '../detect/detect-article.ts';
import { linkDensity } from './dom-text.ts';
import type { ReadabilityResult } from './run-readability.ts';

export interface ConfidenceInput {
  signals: ArticleSignals;
  detected: boolean;
  /** Words in the body (CJK characters count half). */
  words: number;
  root: Element;
  source: ReadabilityResult['source'];
}

export function assessConfidence(input: ConfidenceInput): { score: number; poor: boolean } {
  const { signals, detected, words, root, source } = input;
  let score = 1;
  if (!detected) score -= 0.25;
  if (signals.notArticleType) score -= 0.2;
  if (!signals.gate && !signals.gateDeclared) score -= 0.15;
  if (words < 60) score -= 0.35;
  else if (words < 150) score -= 0.15;
  const links = linkDensity(root);
  if (links > 0.35) score -= 0.3;
  else if (links > 0.2) score -= 0.1;
  if (source === 'container') score -= 0.1;
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  return { score, poor: score < 0.5 };
}
