/**
 * Decides, cheaply and on every page, whether the reader is worth offering. Readability's
 * `isProbablyReaderable` test is the gate (it only scores paragraph text, no layout). Past the gate
 * a page must show that its prose is concentrated in one place, as an article's is; how much prose
 * is required falls as the page gives more evidence of being an article (schema.org/Open Graph
 * article metadata, a publish date, an article-like URL, a headline phrased as articles' are) and
 * rises with evidence against it (a services/products/category URL). Shops, listing pages and site
 * front pages are not offered. Forum threads and documentation pages, which keep their text in many
 * short posts or sections, are offered on their own evidence (their schema.org types or URL shapes)
 * once past the gate. No Readability parse and no layout reads: this runs in the always-on content
 * script. The page is read through accessors it cannot clobber.
 */
import { ARTICLE_TYPES, articleEvidence, metaFirst, readPageMetadata, type PageMetadata } from './page-metadata.ts';
import { headlineReadsLikeArticle, isThreadOrDocsUrl, looksLikeShop, scanProse, urlPoints } from './text-signals.ts';
import { safe } from './safe-dom.ts';

export type VerdictReason = 'article-metadata' | 'readerable' | 'not-article' | 'unsupported-url';

export interface PageVerdict {
  readable: boolean;
  reason: VerdictReason;
}

/** Everything detection weighed, for extraction to reuse (its gate and its confidence). */
export interface ArticleSignals {
  /** Readability's readerable test passed (at its setting for the page's script). */
  gate: boolean;
  /** Or, for a page that declares itself an article, its lower setting. */
  gateDeclared: boolean;
  /** The page declares itself an article (JSON-LD article type or og:type article). */
  declared: boolean;
  /** Evidence points: metadata, date, URL shape, headline phrasing; negative for selling URLs. */
  points: number;
  /** Concentrated prose (weighted characters) and how much the evidence requires. */
  prose: number;
  needed: number;
  /** Product, shop, listing or site front page. */
  notArticleType: boolean;
  threadOrDocs: boolean;
}

/** Concentrated prose (characters) required, by evidence points 0, 1, 2, 3+. */
const PROSE_NEEDED = [3000, 1200, 500, 300];
const PRODUCT_TYPES = new Set(['product', 'productgroup', 'offer', 'aggregateoffer']);
/** Pages that list or profile other things: a category page, search results, a person's page. */
const LISTING_TYPES = new Set(['collectionpage', 'searchresultspage', 'profilepage']);
/** Threads and technical documents: text a reader wants, kept in short posts and sections. */
const THREAD_OR_DOCS_TYPES = new Set(['discussionforumposting', 'qapage', 'techarticle', 'apireference']);
const CJK_LANG = /^(zh|ja|ko)(-|$)/i;

const any = (types: Set<string>, of: Set<string>) => [...types].some((t) => of.has(t));

export function articleSignals(doc: Document, url: URL, meta: PageMetadata = readPageMetadata(doc, url)): ArticleSignals {
  const evidence = articleEvidence(meta);
  const declared = evidence > 0 || meta.ogType === 'article' || meta.ogType.startsWith('article:');
  const scan = scanProse(doc);
  const html = safe.documentElement(doc);
  // Readability's gate counts characters; CJK paragraphs say as much in a third of them.
  const cjk = CJK_LANG.test((html && safe.getAttribute(html, 'lang')) ?? '');
  const gate = cjk ? scan.readerableCjk : scan.readerable;
  const isRoot = (url.pathname === '/' || url.pathname === '') && url.protocol !== 'file:';
  // A review article describes the products it reviews in JSON-LD too; its Article type says what it is.
  const articleTyped = any(meta.types, ARTICLE_TYPES);
  const productTyped = any(meta.types, PRODUCT_TYPES) && !articleTyped;
  const listingTyped = any(meta.types, LISTING_TYPES) && !articleTyped;
  const notArticleType = isRoot || meta.ogType.startsWith('product') || productTyped || listingTyped || looksLikeShop(doc);
  const threadOrDocs = any(meta.types, THREAD_OR_DOCS_TYPES) || isThreadOrDocsUrl(url);
  const dated = !!metaFirst(meta, 'article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate', 'publish-date') || !!safe.querySelector(doc, 'time');
  const points = evidence + (dated ? 1 : 0) + (url.protocol === 'file:' ? 0 : urlPoints(url)) + (headlineReadsLikeArticle(doc, meta.docTitle) ? 1 : 0);
  const needed = points < 0 ? Infinity : PROSE_NEEDED[Math.min(points, PROSE_NEEDED.length - 1)]!;
  return { gate, gateDeclared: declared && scan.readerableLow, declared, points, prose: scan.concentrated, needed, notArticleType, threadOrDocs };
}

export function verdictOf(s: ArticleSignals): boolean {
  if ((!s.gate && !s.gateDeclared) || s.notArticleType) return false;
  if (s.gate && s.threadOrDocs) return true;
  return s.prose >= s.needed;
}

export function detectArticle(doc: Document, url: URL, meta?: PageMetadata): PageVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') {
    return { readable: false, reason: 'unsupported-url' };
  }
  const signals = articleSignals(doc, url, meta);
  if (!verdictOf(signals)) return { readable: false, reason: 'not-article' };
  return { readable: true, reason: signals.declared ? 'article-metadata' : 'readerable' };
}
