/**
 * Decides, cheaply and on every page, whether the reader is worth offering. Readability's own
 * `isProbablyReaderable` is the gate (it only scores paragraph text, no layout). Past the gate a
 * page must show that its prose is concentrated in one place, as an article's is; how much prose
 * is required falls as the page gives more evidence of being an article (schema.org/Open Graph
 * article metadata, a publish date, an article-like URL). Shops and site front pages are not
 * offered. No Readability parse and no layout reads: this runs in the always-on content script.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { hasArticleMetadata, jsonLdObjects, metaContent, typesOf } from './page-metadata.ts';
import { concentratedProse, looksLikeShop, urlPoints } from './text-signals.ts';

export type VerdictReason = 'article-metadata' | 'readerable' | 'not-article' | 'unsupported-url';

export interface PageVerdict {
  readable: boolean;
  reason: VerdictReason;
}

/** Concentrated prose (characters) required, by evidence points 0, 1, 2, 3+. */
const PROSE_NEEDED = [3000, 1200, 500, 300];
const PRODUCT_TYPES = new Set(['product', 'productgroup', 'offer', 'aggregateoffer']);
const CJK_LANG = /^(zh|ja|ko)(-|$)/i;

export function detectArticle(doc: Document, url: URL): PageVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    return { readable: false, reason: 'unsupported-url' };
  }
  // Readability's gate counts characters; CJK paragraphs say as much in a third of them.
  const cjk = CJK_LANG.test(doc.documentElement.getAttribute('lang') ?? '');
  const gate = cjk ? isProbablyReaderable(doc, { minContentLength: 50, minScore: 10 }) : isProbablyReaderable(doc);
  const declared = hasArticleMetadata(doc);
  if (!gate && !(declared && isProbablyReaderable(doc, { minContentLength: 100, minScore: 10 }))) {
    return { readable: false, reason: 'not-article' };
  }
  const isRoot = url.pathname === '/' || url.pathname === '';
  if (isRoot && url.protocol !== 'file:') return { readable: false, reason: 'not-article' };
  const ld = jsonLdObjects(doc);
  if (ld.some((o) => typesOf(o).some((t) => PRODUCT_TYPES.has(t))) || looksLikeShop(doc)) {
    return { readable: false, reason: 'not-article' };
  }
  const dated = !!metaContent(doc, 'article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate', 'publish-date') || !!doc.querySelector('time');
  const points = (declared ? 2 : 0) + (dated ? 1 : 0) + (url.protocol === 'file:' ? 0 : urlPoints(url));
  const needed = PROSE_NEEDED[Math.min(points, PROSE_NEEDED.length - 1)]!;
  if (concentratedProse(doc) < needed) return { readable: false, reason: 'not-article' };
  return { readable: true, reason: declared ? 'article-metadata' : 'readerable' };
}
