/**
 * What a page says about itself in metadata (JSON-LD, Open Graph and other meta tags, the canonical
 * link, the document's title and language), read once into one typed object that detection (on
 * every page) and extraction (on demand) both use. One pass over the <meta> elements and one over
 * the JSON-LD scripts, through accessors a page cannot clobber. Read-only.
 */
import { safe } from './safe-dom.ts';

/** What pages put between a title's parts: "Headline | Site", "Headline - Site", "Site :: Headline", "Headline _ Site". */
export const TITLE_SEPARATOR = /\s+(?:[|\-–—•·»_]|::)\s+/;

/** schema.org types that mean "a piece of writing meant to be read". */
export const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'blogposting', 'reportage', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'scholarlyarticle', 'techarticle', 'socialmediaposting',
  'liveblogposting', 'report', 'posting', 'medicalscholarlyarticle', 'satiricalarticle', 'advertisercontentarticle',
]);

export type JsonLd = Record<string, unknown>;

export interface PageMetadata {
  /** Every JSON-LD object, flattened through arrays and @graph. */
  ld: JsonLd[];
  /** Every JSON-LD @type on the page, lowercased. */
  types: Set<string>;
  /** The first JSON-LD object of an article type. */
  article?: JsonLd;
  /** Meta tags by lowercased name/property/itemprop, every non-empty content in page order. */
  meta: Map<string, string[]>;
  /** og:type, lowercased ('' when absent). */
  ogType: string;
  /** The page's canonical address (link rel=canonical, else og:url), when it is a valid http(s) URL. */
  canonical?: URL;
  /** The <title> text. */
  docTitle: string;
  /** <html lang>, else a language meta tag. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** The first non-empty content among the named meta tags, in the order the names are given. */
export function metaFirst(meta: PageMetadata, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = meta.meta.get(name.toLowerCase());
    if (v?.length) return v[0];
  }
  return undefined;
}

export function typesOf(obj: JsonLd): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^(https?:\/\/)?schema\.org\//, ''));
}

const MAX_LD_TEXT = 500_000;

function readJsonLd(doc: Document): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 4 || node === null || typeof node !== 'object' || out.length > 200) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const obj = node as JsonLd;
    out.push(obj);
    if (Array.isArray(obj['@graph'])) visit(obj['@graph'], depth + 1);
    else if (obj['@graph'] && typeof obj['@graph'] === 'object') visit(obj['@graph'], depth + 1);
  };
  for (const script of safe.byTag(doc, 'script')) {
    if (!/^application\/ld\+json$/i.test((safe.getAttribute(script, 'type') ?? '').trim())) continue;
    const text = safe.textContent(script);
    if (text.length > MAX_LD_TEXT) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Sites ship invalid JSON-LD often enough; one bad block must not hide the others.
    }
  }
  return out;
}

function httpUrl(value: string | undefined | null, base: URL): URL | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : undefined;
  } catch {
    return undefined;
  }
}

export function readPageMetadata(doc: Document, url: URL): PageMetadata {
  const meta = new Map<string, string[]>();
  for (const el of safe.byTag(doc, 'meta')) {
    const key = (safe.getAttribute(el, 'property') ?? safe.getAttribute(el, 'name') ?? safe.getAttribute(el, 'itemprop'))?.trim().toLowerCase();
    const value = safe.getAttribute(el, 'content')?.trim();
    if (!key || !value) continue;
    const list = meta.get(key);
    if (list) list.push(value);
    else meta.set(key, [value]);
  }
  const ld = readJsonLd(doc);
  const types = new Set<string>();
  let article: JsonLd | undefined;
  for (const o of ld) {
    for (const t of typesOf(o)) {
      types.add(t);
      if (!article && ARTICLE_TYPES.has(t)) article = o;
    }
  }
  let canonicalHref: string | null = null;
  for (const link of safe.byTag(doc, 'link')) {
    if (/(^|\s)canonical(\s|$)/i.test(safe.getAttribute(link, 'rel') ?? '')) {
      canonicalHref = safe.getAttribute(link, 'href');
      break;
    }
  }
  const html = safe.documentElement(doc);
  const body = safe.body(doc);
  const lang = (html && safe.getAttribute(html, 'lang')?.trim()) || meta.get('og:locale')?.[0]?.replace('_', '-') || meta.get('language')?.[0] || meta.get('content-language')?.[0] || undefined;
  const dirAttr = ((html && safe.getAttribute(html, 'dir')) || (body && safe.getAttribute(body, 'dir')) || '').toLowerCase();
  const canonical = httpUrl(canonicalHref, url) ?? httpUrl(meta.get('og:url')?.[0], url);
  return {
    ld,
    types,
    article,
    meta,
    ogType: meta.get('og:type')?.[0]?.toLowerCase() ?? '',
    canonical,
    docTitle: titleOf(doc),
    lang,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : rtlByLang(lang),
  };
}

/** The document's <title> (the first one in the head or anywhere), as `document.title` reads it. */
function titleOf(doc: Document): string {
  const t = safe.byTag(doc, 'title')[0];
  return t ? safe.textContent(t).replace(/\s+/g, ' ').trim() : '';
}

/** Pages in right-to-left scripts often leave `dir` unset and rely on the language alone. */
function rtlByLang(lang: string | undefined): 'rtl' | undefined {
  return lang && /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb)(-|$)/i.test(lang) ? 'rtl' : undefined;
}

/**
 * Evidence points (0-2) that the page declares itself an article. A JSON-LD article type counts
 * fully. og:type "article" counts fully too, except when the page's own JSON-LD calls it a plain
 * WebPage and no article: SEO plugins (Yoast and the like) stamp og:type "article" on every
 * WordPress page, services and pricing pages included; they add article:published_time only to
 * posts, so with it the og:type is believed.
 */
export function articleEvidence(meta: PageMetadata): number {
  if (meta.article) return 2;
  const og = meta.ogType === 'article' || meta.ogType.startsWith('article:');
  if (!og) return 0;
  return meta.types.has('webpage') && !meta.meta.has('article:published_time') ? 0 : 2;
}

/** The host that names the site: the canonical address's, else the page's own (for saved or mirrored copies). */
export function siteHost(meta: PageMetadata, url: URL): string {
  return meta.canonical?.hostname || url.hostname;
}

