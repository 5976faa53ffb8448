/**
 * The extraction pipeline: size limits, a defused copy of the page, its metadata, Readability on a
 * second copy, then our clean-up. A pure function of (Document, URL): the live page is only read,
 * through accessors it cannot clobber, and only to copy it (Readability mutates the document it is
 * given, so it only ever sees a copy).
 */
import type { Extraction } from './article.ts';
import { cleanArticle } from './clean-article.ts';
import { readingMinutes, countWords } from './reading-time.ts';
import { resolveLazyMedia } from './resolve-lazy-media.ts';
import { placeStreamedHtml } from './place-streamed-html.ts';
import { readArticleFacts } from './page-facts.ts';
import { findByline } from './byline.ts';
import { compact, words } from './text-utils.ts';
import { runReadability, type ReadabilityResult } from './run-readability.ts';
import { blockText } from './block-text.ts';
import { defuseClobbering } from './defuse-clobbering.ts';
import { DEFAULT_LIMITS, Deadline, OverBudget, measurePage, type PageLimits } from './page-bounds.ts';
import { rulesWithout, type RuleName } from './rules.ts';
import { readPageMetadata, siteHost } from '../detect/page-metadata.ts';
import { articleSignals, verdictOf } from '../detect/detect-article.ts';
import { pageAddressKeys } from './clean-share.ts';
import { assessConfidence } from './confidence.ts';
import { protoCall, safe } from '../detect/safe-dom.ts';

export { RULE_NAMES } from './rules.ts';

export interface ExtractOptions {
  /** Rules switched off (the benchmark's ablation); the reader runs with every rule on. */
  disabled?: ReadonlySet<RuleName | string>;
  /** Time budget for the whole extraction, in milliseconds. */
  budgetMs?: number;
  limits?: PageLimits;
}

/**
 * A page that takes Readability longer than this to read would freeze the tab for as long: the
 * reader says it is too large instead. Chromium reads the slowest real page of the benchmark
 * corpora in well under half of it (BENCHMARKS.md).
 */
export const DEFAULT_BUDGET_MS = 1000;
/**
 * Words (CJK characters count half) a body needs: a few when the page says it is an article (its
 * metadata, or the detection signals), more when nothing does. The old fixed 80-word minimum refused
 * short real articles and lost their title and byline with them; a short result is now shown with
 * its confidence instead (Extraction.confidence).
 */
const FLOOR_ARTICLE = 10;
const FLOOR_OTHER = 30;
const OLD_MIN_WORDS = 80;

const TOO_LARGE = 'This page is too large to read here.';

export function extractArticle(doc: Document, url: URL, options: ExtractOptions = {}): Extraction {
  const rules = rulesWithout(options.disabled);
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = new Deadline(budget);
  const size = measurePage(doc, options.limits ?? DEFAULT_LIMITS);
  if (size.over) return { ok: false, reason: 'too-large', message: TOO_LARGE };

  // A cloned Document has no browsing context: nothing in it loads or runs. The pristine copy is
  // only read (metadata, headline, byline, the page's own content container); Readability mutates
  // a second copy of it.
  const pristine = safe.cloneDocument(doc);
  defuseClobbering(pristine);
  placeStreamedHtml(pristine);
  resolveLazyMedia(pristine);
  const page = readPageMetadata(pristine, url);
  const facts = readArticleFacts(pristine, page, url, rules);
  const signals = articleSignals(pristine, url, page);
  const detected = verdictOf(signals);

  let parsed: ReadabilityResult | null;
  try {
    parsed = runReadability(pristine, protoCall<Document>(pristine, 'cloneNode', true), deadline, rules);
  } catch (e) {
    if (e instanceof OverBudget) return { ok: false, reason: 'too-large', message: TOO_LARGE };
    return { ok: false, reason: 'failed', message: 'The reader could not make sense of this page.' };
  }
  const root = parsed?.root;
  if (!parsed || !root) return notArticle();

  const title = facts.title || parsed.title?.trim() || page.docTitle;
  const siteName = facts.siteName || parsed.siteName?.trim() || undefined;
  const host = siteHost(page, url);
  const byline = findByline(pristine, { page, readabilityByline: parsed.byline, body: root, siteName, host, rules });
  const addressKeys = pageAddressKeys([url, ...(page.canonical ? [page.canonical] : [])]);
  cleanArticle(root, { title, byline, base: url, addressKeys, published: facts.published, rules });

  const text = blockText(root);
  const { words, cjkChars } = countWords(text);
  const floor = !rules.on('word-floor') ? OLD_MIN_WORDS : signals.declared || detected ? FLOOR_ARTICLE : FLOOR_OTHER;
  if (words + cjkChars / 2 < floor) return notArticle();
  const confidence = assessConfidence({ signals, detected, words: words + cjkChars / 2, root, source: parsed.source });
  // A standfirst that only repeats the headline is not one.
  const dek = facts.subtitle && rules.on('duplicate-dek-date') && compact(facts.subtitle) === compact(title) ? undefined : facts.subtitle;

  return {
    ok: true,
    confidence: confidence.score,
    looksPoor: confidence.poor,
    article: {
      url: url.href,
      title,
      subtitle: repeatsOpening(dek, text) ? undefined : dek,
      byline,
      siteName,
      published: facts.published,
      lang: parsed.lang || facts.lang || undefined,
      dir: parsed.dir === 'rtl' || facts.dir === 'rtl' ? 'rtl' : parsed.dir === 'ltr' ? 'ltr' : facts.dir,
      content: root,
      // Serialised only if someone asks: the reader sanitises `content` itself, never a re-parse.
      get contentHtml() { return root.innerHTML; },
      text,
      wordCount: words + cjkChars,
      readingMinutes: readingMinutes(text),
    },
  };
}

function notArticle(): Extraction {
  return { ok: false, reason: 'not-article', message: 'This page doesn’t look like an article, so there is nothing to show in the reader.' };
}

/** A description that is only the first sentences of the body is not a standfirst. */
function repeatsOpening(subtitle: string | undefined, text: string): boolean {
  if (!subtitle) return false;
  const sub = words(subtitle);
  const first = text.split('\n').find((line) => line.length >= 40) ?? '';
  const opening = new Set(words(first));
  return sub.length > 0 && sub.filter((w) => opening.has(w)).length / sub.length >= 0.8;
}
