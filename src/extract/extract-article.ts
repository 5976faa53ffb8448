/**
 * The extraction pipeline: page metadata, then Readability on a clone, then our clean-up.
 * A pure function of (Document, URL): the live page is never touched (Readability mutates
 * the document it is given, so it only ever sees a copy).
 */
import { Readability } from '@mozilla/readability';
import type { Extraction } from './article.ts';
import { cleanArticle } from './clean-article.ts';
import { readingMinutes, countWords } from './reading-time.ts';
import { resolveLazyMedia } from './resolve-lazy-media.ts';
import { readPageMetadata } from './page-facts.ts';

/** Above this many elements parsing takes seconds; we say so instead of freezing the tab. */
export const MAX_ELEMENTS = 60_000;
const MIN_WORDS = 80;

export function extractArticle(doc: Document, url: URL): Extraction {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) {
    return { ok: false, reason: 'too-large', message: `This page is too large to open in the reader (${elements.toLocaleString('en')} elements).` };
  }
  const clone = doc.cloneNode(true) as Document;
  resolveLazyMedia(clone);
  const facts = readPageMetadata(clone, url);

  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: 400 }).parse();
  } catch {
    return { ok: false, reason: 'failed', message: 'The reader could not make sense of this page.' };
  }
  const root = parsed?.content;
  if (!parsed || !root) return notArticle();

  const title = facts.title || parsed.title?.trim() || doc.title.trim();
  const byline = facts.byline || parsed.byline?.trim() || undefined;
  cleanArticle(root, { title, byline });

  const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  const { words, cjkChars } = countWords(text);
  if (words + cjkChars / 2 < MIN_WORDS) return notArticle();

  return {
    ok: true,
    article: {
      url: url.href,
      title,
      subtitle: facts.subtitle,
      byline,
      siteName: facts.siteName || parsed.siteName?.trim() || undefined,
      published: facts.published,
      lang: parsed.lang || facts.lang || undefined,
      dir: parsed.dir === 'rtl' || facts.dir === 'rtl' ? 'rtl' : parsed.dir === 'ltr' ? 'ltr' : facts.dir,
      contentHtml: root.innerHTML,
      text,
      wordCount: words + cjkChars,
      readingMinutes: readingMinutes(text),
    },
  };
}

function notArticle(): Extraction {
  return { ok: false, reason: 'not-article', message: 'This page doesn’t look like an article, so there is nothing to show in the reader.' };
}
