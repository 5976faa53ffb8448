/**
 * Text signals for detection, read without layout: the paragraphs, the headline and the URL.
 * Articles keep their prose together (many long paragraphs under one parent); home, listing,
 * product and service pages scatter short blurbs over cards and sections.
 * Everything goes through accessors a page cannot clobber (src/detect/safe-dom.ts).
 */
import { TITLE_SEPARATOR } from './page-metadata.ts';
import { protoCall, protoGet, safe } from './safe-dom.ts';

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/** CJK text carries roughly three times the meaning per character that alphabetic text does. */
export function weightedLength(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + cjk * 2;
}

// Readability's own isProbablyReaderable test (Readability-readerable.js, 0.6.0), reimplemented so
// it reads the page through safe accessors and shares one pass over the paragraphs with the
// concentration measure below.
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;

function visible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && style.display === 'none') return false;
  if (safe.getAttribute(el, 'hidden') !== null) return false;
  const ariaHidden = safe.getAttribute(el, 'aria-hidden');
  return ariaHidden !== 'true' || (safe.getAttribute(el, 'class') ?? '').includes('fallback-image');
}

/** Beyond this a paragraph's text is not read: its length is all that matters, and a hostile page's 50 MB paragraph must cost nothing. */
const MAX_READ = 20_000;

/**
 * An element's text, or only its length when that passes MAX_READ (counted from the text nodes'
 * lengths, without building the string).
 */
function boundedText(el: Element): { text: string; length: number } {
  let length = 0;
  const doc = protoGet<Document>(el, 'ownerDocument');
  const walker = protoCall<TreeWalker>(doc, 'createTreeWalker', el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    length += (n as Text).length;
    if (length > MAX_READ) return { text: '', length };
  }
  const text = safe.textContent(el).trim();
  return { text, length: text.length };
}

/** Readerable scores at the three settings detection uses: the default, CJK, and declared articles. */
export interface ProseScan {
  /** The most prose (long paragraphs' weighted characters) under one parent; see concentration below. */
  concentrated: number;
  readerable: boolean;
  readerableCjk: boolean;
  readerableLow: boolean;
}

/**
 * One pass over the paragraphs. Concentration: the most prose found under any single parent
 * element; articles cut into sections (one <div> or <section> per heading) keep their prose one
 * level higher, under the sections' common container, where it counts at half weight, because
 * the cards of a service or category page also share a container.
 */
export function scanProse(doc: Document): ProseScan {
  const perParent = new Map<Element, number>();
  const texts = new Map<Element, number>();
  const ps = safe.byTag(doc, 'p');
  for (let i = 0; i < ps.length && i < 3000; i++) {
    const p = ps[i]!;
    const { text, length } = boundedText(p);
    texts.set(p, length);
    const parent = safe.parentElement(p);
    if (!parent) continue;
    const len = text ? weightedLength(text) : length;
    if (len <= 80) continue;
    perParent.set(parent, (perParent.get(parent) ?? 0) + len);
  }
  let concentrated = 0;
  const perGrandparent = new Map<Element, number>();
  for (const [parent, sum] of perParent) {
    if (sum > concentrated) concentrated = sum;
    const gp = safe.parentElement(parent);
    if (gp) perGrandparent.set(gp, (perGrandparent.get(gp) ?? 0) + sum);
  }
  for (const sum of perGrandparent.values()) concentrated = Math.max(concentrated, sum / 2);

  // Readability's candidates: p, pre, article, and the parents of <br> in a <div>, in that order.
  const nodes = new Set<Element>(safe.querySelectorAll(doc, 'p, pre, article'));
  for (const br of safe.querySelectorAll(doc, 'div > br')) {
    const parent = safe.parentElement(br);
    if (parent) nodes.add(parent);
  }
  const score = { s140: 0, s100: 0, s50: 0 };
  for (const node of nodes) {
    if (score.s140 > 20 && score.s100 > 10 && score.s50 > 10) break;
    if (!visible(node)) continue;
    const match = `${safe.getAttribute(node, 'class') ?? ''} ${safe.getAttribute(node, 'id') ?? ''}`;
    if (UNLIKELY.test(match) && !MAYBE.test(match)) continue;
    if (protoCall<boolean>(node, 'matches', 'li p')) continue;
    const len = texts.get(node) ?? boundedText(node).length;
    if (len >= 140) score.s140 += Math.sqrt(len - 140);
    if (len >= 100) score.s100 += Math.sqrt(len - 100);
    if (len >= 50) score.s50 += Math.sqrt(len - 50);
  }
  return { concentrated, readerable: score.s140 > 20, readerableLow: score.s100 > 10, readerableCjk: score.s50 > 10 };
}

/** Site sections that hold writing: "/blog/<slug>", "/news/<slug>", "/blogs/news/<slug>". */
const WRITING_SECTION = /\/(blogs?|news|articles?|posts?|stories|story|journal|insights|guides?|magazine|editorial|features?)\/[^/]+/i;
/** Site sections that sell or list: "/services/…", "/products/…", "/category/…" (after a locale). */
const SELLING_SECTION = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(services?|solutions?|products?|shop|store|collections?|category|categories|c|cat|tags?|pricing|features|capabilities|what-we-do|industries)(\/|$)/i;

/**
 * Evidence from the URL: an article-like slug ("/how-to-choose-a-bike"), a date path ("/2025/03/")
 * or a writing section count for; a selling or listing section counts against (two points, so it
 * takes article metadata to outweigh it).
 */
export function urlPoints(url: URL): number {
  const segments = url.pathname.split('/').filter(Boolean);
  const last = (segments.at(-1) ?? '').replace(/\.(html?|php|aspx?)$/i, '');
  const slugWords = last.split(/[-_]+/).filter(Boolean).length;
  const dated = /\/(19|20)\d\d\/(0?[1-9]|1[0-2])\//.test(url.pathname);
  const writing = WRITING_SECTION.test(url.pathname);
  const selling = SELLING_SECTION.test(url.pathname);
  return (slugWords >= 4 ? 1 : 0) + (slugWords >= 6 ? 1 : 0) + (dated ? 1 : 0) + (writing ? 1 : 0) - (selling ? 2 : 0);
}

/**
 * Forum threads and documentation pages by URL shape. A thread URL carries the thread's number
 * ("/t/slug/12345", "/topic/123-title", "/questions/4567/…"), which tag pages ("/topic/software")
 * do not; documentation lives under "/docs/…", "/reference/…" and the like.
 */
const THREAD_URL = /\/(t|topic|topics|thread|threads|questions|forum|forums|discussion|discussions|comments)\/[^?#]*\d|\/(showthread|viewtopic)\.php/i;
const DOCS_URL = /\/(docs?|documentation|reference|api|manual|man|guides?)\/[^/]+/i;

export function isThreadOrDocsUrl(url: URL): boolean {
  return THREAD_URL.test(url.pathname) || DOCS_URL.test(url.pathname) || /\.readthedocs\.io$/i.test(url.hostname);
}

/**
 * Headlines of articles are phrased as questions, how-tos, numbered lists and guides ("How AI Is
 * Transforming Healthcare", "10 Tips to…", "Cybersecurity Best Practices"); the pages that sell a
 * service are named for it ("Data Analytics Services"). English only: other languages get no point.
 */
const ARTICLE_HEADLINE = /^(how|what|why|when|where|who|which|is|are|can|do|does|should|will)\b|\?\s*$|\bhow (to|much|many|long|does|do|is|can)\b|\b(tips|guide|trends|ways|steps|ideas|reasons|mistakes|pros and cons|best practices|explained|vs\.?|versus|checklist|introduction to|beginner'?s)\b|^(the\s+)?\d+\s+\w/i;

export function headlineReadsLikeArticle(doc: Document, docTitle: string): boolean {
  const h1El = safe.querySelector(doc, 'h1');
  const h1 = h1El ? safe.textContent(h1El).replace(/\s+/g, ' ').trim() : '';
  const title = docTitle.split(TITLE_SEPARATOR)[0]!.trim();
  return (h1.length <= 200 && ARTICLE_HEADLINE.test(h1)) || ARTICLE_HEADLINE.test(title);
}

const SHOP_TEXT = /\b(add to (cart|bag|basket)|buy now)\b|in den warenkorb|ajouter au panier|añadir al carrito/i;

/**
 * An add-to-cart button. Buttons only: a shop's blog has a cart link in its header on every page,
 * and an article that mentions "buy now" in its prose is still an article.
 */
export function looksLikeShop(doc: Document): boolean {
  for (const el of safe.querySelectorAll(doc, 'button, input[type="submit"]')) {
    const text = safe.localName(el) === 'input' ? safe.getAttribute(el, 'value') ?? '' : safe.textContent(el);
    if (text.length < 60 && SHOP_TEXT.test(text)) return true;
  }
  return false;
}
