/**
 * The extraction pipeline: page metadata, then Readability on a clone, then our clean-up.
 * A pure function of (Document, URL): the live page is never touched (Readability mutates
 * the document it is given, so it only ever sees a copy).
 */
import type { Extraction } from './article.ts';
import { cleanArticle } from './clean-article.ts';
import { readingMinutes, countWords } from './reading-time.ts';
import { resolveLazyMedia } from './resolve-lazy-media.ts';
import { placeStreamedHtml } from './place-streamed-html.ts';
import { readPageMetadata } from './page-facts.ts';
import { findByline } from './byline.ts';
import { words } from './text-utils.ts';
import { runReadability, type ReadabilityResult } from './run-readability.ts';
import { blockText } from './block-text.ts';

/** Above this many elements parsing takes seconds; we say so instead of freezing the tab. */
export const MAX_ELEMENTS = 60_000;
const MIN_WORDS = 80;

export function extractArticle(doc: Document, url: URL): Extraction {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) {
    return { ok: false, reason: 'too-large', message: `This page is too large to open in the reader (${elements.toLocaleString('en')} elements).` };
  }
  // A cloned Document has no browsing context: nothing in it loads or runs, and the live page is never mutated.
  const clone = doc.cloneNode(true) as Document;
  placeStreamedHtml(clone);
  resolveLazyMedia(clone);
  const facts = readPageMetadata(doc, url);

  let parsed: ReadabilityResult | null;
  try {
    parsed = runReadability(doc, clone);
  } catch {
    return { ok: false, reason: 'failed', message: 'The reader could not make sense of this page.' };
  }
  const root = parsed?.root;
  if (!parsed || !root) return notArticle();

  const title = facts.title || parsed.title?.trim() || doc.title.trim();
  const siteName = facts.siteName || parsed.siteName?.trim() || undefined;
  const byline = findByline(doc, parsed.byline, siteName);
  cleanArticle(root, { title, byline });

  const text = blockText(root);
  const { words, cjkChars } = countWords(text);
  if (words + cjkChars / 2 < MIN_WORDS) return notArticle();

  return {
    ok: true,
    article: {
      url: url.href,
      title,
      subtitle: repeatsOpening(facts.subtitle, text) ? undefined : facts.subtitle,
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
