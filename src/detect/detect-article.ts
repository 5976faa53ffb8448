/**
 * Decides, cheaply and on every page, whether the reader is worth offering. Readability's own
 * `isProbablyReaderable` is the gate (it only scores paragraph text, no layout); article metadata
 * lets a page that states it is an article pass with a lower text bar, and a site's front page
 * without such metadata is not offered (it is almost always a listing).
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { hasArticleMetadata } from './page-metadata.ts';

export type VerdictReason = 'article-metadata' | 'readerable' | 'not-article' | 'unsupported-url';

export interface PageVerdict {
  readable: boolean;
  reason: VerdictReason;
}

export function detectArticle(doc: Document, url: URL): PageVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    return { readable: false, reason: 'unsupported-url' };
  }
  const declared = hasArticleMetadata(doc);
  const isRoot = url.pathname === '/' || url.pathname === '';
  if (declared && isProbablyReaderable(doc, { minContentLength: 100, minScore: 10 })) {
    return { readable: true, reason: 'article-metadata' };
  }
  if (!isRoot && isProbablyReaderable(doc)) return { readable: true, reason: 'readerable' };
  return { readable: false, reason: 'not-article' };
}
