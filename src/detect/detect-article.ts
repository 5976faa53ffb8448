/**
 * Decides, cheaply and on every page, whether the reader is worth offering. Readability's own
 * `isProbablyReaderable` is the gate (it only scores paragraph text, no layout). Past the gate a
 * page must show that its prose is concentrated in one place, as an article's is; how much prose
 * is required falls as the page gives more evidence of being an article (schema.org/Open Graph
 * article metadata, a publish date, an article-like URL, a headline phrased as articles' are) and
 * rises with evidence against it (a services/products/category URL). Shops, listing pages and site
 * front pages are not offered. Forum threads and documentation pages, which keep their text in many short posts or sections,
 * are offered on their own evidence (their schema.org types or URL shapes) once past the gate.
 * No Readability parse and no layout reads: this runs in the always-on content script.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { ARTICLE_TYPES, articleEvidence, jsonLdObjects, metaContent, typesOf } from './page-metadata.ts';
import { concentratedProse, headlineReadsLikeArticle, looksLikeShop, urlPoints, isThreadOrDocsUrl } from './text-signals.ts';

export type VerdictReason = 'article-metadata' | 'readerable' | 'not-article' | 'unsupported-url';

export interface PageVerdict {
  readable: boolean;
  reason: VerdictReason;
}

/** Concentrated prose (characters) required, by evidence points 0, 1, 2, 3+. */
const PROSE_NEEDED = [3000, 1200, 500, 300];
const PRODUCT_TYPES = new Set(['product', 'productgroup', 'offer', 'aggregateoffer']);
/** Pages that list or profile other things: a category page, search results, a person's page. */
const LISTING_TYPES = new Set(['collectionpage', 'searchresultspage', 'profilepage']);
/** Threads and technical documents: text a reader wants, kept in short posts and sections. */
const THREAD_OR_DOCS_TYPES = new Set(['discussionforumposting', 'qapage', 'techarticle', 'apireference']);
const CJK_LANG = /^(zh|ja|ko)(-|$)/i;

export function detectArticle(doc: Document, url: URL): PageVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    return { readable: false, reason: 'unsupported-url' };
  }
  const ld = jsonLdObjects(doc);
  const types = new Set(ld.flatMap(typesOf));
  const ogType = metaContent(doc, 'og:type')?.toLowerCase() ?? '';
  const evidence = articleEvidence(ogType, types, !!metaContent(doc, 'article:published_time'));
  const ogArticle = ogType === 'article' || ogType.startsWith('article:');
  const declared = evidence > 0 || ogArticle;
  // Readability's gate counts characters; CJK paragraphs say as much in a third of them.
  const cjk = CJK_LANG.test(doc.documentElement.getAttribute('lang') ?? '');
  const gate = cjk ? isProbablyReaderable(doc, { minContentLength: 50, minScore: 10 }) : isProbablyReaderable(doc);
  if (!gate && !(declared && isProbablyReaderable(doc, { minContentLength: 100, minScore: 10 }))) {
    return { readable: false, reason: 'not-article' };
  }
  const isRoot = url.pathname === '/' || url.pathname === '';
  if (isRoot && url.protocol !== 'file:') return { readable: false, reason: 'not-article' };
  // A review article describes the products it reviews in JSON-LD too; its Article type says what it is.
  const articleTyped = [...types].some((t) => ARTICLE_TYPES.has(t));
  const productTyped = [...types].some((t) => PRODUCT_TYPES.has(t)) && !articleTyped;
  if (ogType.startsWith('product') || productTyped || looksLikeShop(doc)) {
    return { readable: false, reason: 'not-article' };
  }
  if ([...types].some((t) => LISTING_TYPES.has(t)) && !articleTyped) {
    return { readable: false, reason: 'not-article' };
  }
  if (gate && ([...types].some((t) => THREAD_OR_DOCS_TYPES.has(t)) || isThreadOrDocsUrl(url))) {
    return { readable: true, reason: declared ? 'article-metadata' : 'readerable' };
  }
  const dated = !!metaContent(doc, 'article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate', 'publish-date') || !!doc.querySelector('time');
  const points = evidence + (dated ? 1 : 0) + (url.protocol === 'file:' ? 0 : urlPoints(url)) + (headlineReadsLikeArticle(doc) ? 1 : 0);
  if (points < 0) return { readable: false, reason: 'not-article' };
  const needed = PROSE_NEEDED[Math.min(points, PROSE_NEEDED.length - 1)]!;
  if (concentratedProse(doc) < needed) return { readable: false, reason: 'not-article' };
  return { readable: true, reason: declared ? 'article-metadata' : 'readerable' };
}
