/**
 * Author names, from the most to the least reliable source: JSON-LD, author meta tags, the page's
 * author links, then Readability's byline. Every source is cleaned the same way, because bylines
 * arrive with "By", dates, job titles and duplicated mobile/desktop copies glued on.
 */
import { squash, clean, words, compact, hostKeys } from './text-utils.ts';
import { visibleByline } from './visible-byline.ts';
import { metaFirst, typesOf, ARTICLE_TYPES, type PageMetadata } from '../detect/page-metadata.ts';

/** Not names: placeholders, labels and machine values that sites put where an author goes. */
const NOT_A_NAME = /^(the )?authors?$|^(by|updated|published|posted|written by|insights from|mon|tue|wed|thu|fri|sat|sun)$|\s(by|from)$|^[\w-]+(\.[\w-]+){3,}$|^about( the)? author$|^admin(istrator)?$|^(editor|editorial|guest|unknown|null|undefined)$|^(people|our team|contributors|writers)$|^(bluesky|twitter|x|facebook|linkedin|instagram|threads|mastodon|learn more|read more|view profile)$|^\d+$|^https?:|@|^\[/i;
/** "Dec. 19, 2025", "19th December 2025", "2025-12-19", "12/19/2025". */
const DATE = String.raw`(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})`;
/** A date after the name, and everything after it. */
const DATE_TAIL = new RegExp(String.raw`\s*[-–—|,·•]?\s*(?:on\s+)?(?:updated|published|posted)?\s*:?\s*${DATE}.*$`, 'i');
/** "Dec. 19, 2025 · Niko Matsakis", "Dec 17, 2025Julian K. Arni": a date set before the name. */
const LEADING_DATE = new RegExp(String.raw`^(?:(?:updated|published|posted)\s*:?\s*)?${DATE}\s*[-–—|,·•]?\s*`, 'i');

const GLUED_ROLE = /^(?:[\p{L}&-]+\s+){0,2}(?:writer|reporter|editor|founder|co-founder|contributor|ceo|cto|cfo|director|manager|expert|author|journalist|correspondent|published|updated|last|posted|reviewed|professor|analyst|winemaker|specialist|consultant|strategist|marketer|researcher)\b/iu;

const EMAIL = /\s*<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?/g;

export function cleanName(raw: string): string | undefined {
  let name = squash(raw)
    .replace(EMAIL, '')
    .replace(LEADING_DATE, '')
    .replace(/^(this (post|article) was )?(written|posted|reviewed|edited|words|story|text)?\s*(by|von|par|por|di|door)\s*:\s*/i, '')
    .replace(/^(this (post|article) was )?(written|posted|reviewed|edited|words|story|text)?\s*(by|von|par|por|di|door)\s+/i, '')
    .replace(/^authors?\s*:\s*/i, '')
    .replace(/^(?:articles?|posts?|stories|words)\s+by\s+/i, '')
    .replace(/^([Ww]ritten|[Pp]osted)\s*[Bb]y(?=\p{Lu})/u, '')
    .replace(/^[Bb]y(?=\p{Lu}\p{Ll})/u, '')
    .replace(DATE_TAIL, '')
    .replace(/\s*[|•·]\s*.*$/, '')
    .trim();
  // "Stephen JesudunsinAI Writer", "Reyan PerumalPublished": a job title or label glued to the
  // name without a space (the space was a line break in the layout). Cut only where what is glued
  // on reads as a role or label, since names and brands do have inner capitals ("SubbaRao"),
  // and after three lowercase letters, since "McCarthy" and "DeVries" are spelled that way.
  const glued = /^(.*?\p{Ll}{3})(\p{Lu}.*)$/u.exec(name);
  if (glued && / /.test(glued[1]!) && GLUED_ROLE.test(glued[2]!.replace(/^\p{Lu}{2,}\s+/u, ''))) name = glued[1]!;
  // "Amelia Ward Amelia Ward": the same name twice (mobile and desktop copies).
  const half = name.split(' ');
  if (half.length % 2 === 0) {
    const a = half.slice(0, half.length / 2).join(' ');
    if (a === half.slice(half.length / 2).join(' ')) name = a;
  }
  if (!name || name.length > 80 || NOT_A_NAME.test(name) || words(name).length === 0 || words(name).length > 8) return undefined;
  return name;
}

export function joinNames(list: string[]): string | undefined {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of list) {
    const name = cleanName(raw);
    const key = name && words(name).join(' ');
    if (!name || !key || seen.has(key)) continue;
    seen.add(key);
    unique.push(name);
  }
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function names(value: unknown, depth = 0): string[] {
  if (depth > 3) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => names(v, depth + 1));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const n = clean(obj.name) ?? [clean(obj.givenName), clean(obj.familyName)].filter(Boolean).join(' ');
    return n ? [n] : [];
  }
  return [];
}

interface LdAuthors {
  names: string[];
  /** Every author is an Organization: often the publisher, filled in by an SEO plugin. */
  organisation: boolean;
}

/** Author names from JSON-LD: the article's own author first, then any page-level author. */
function ldAuthors(meta: PageMetadata): LdAuthors {
  const objects = meta.ld;
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)) && o.author);
  const any = article ?? objects.find((o) => o.author && !typesOf(o).some((t) => t === 'product' || t === 'review'));
  if (!any) return { names: [], organisation: false };
  const list = (Array.isArray(any.author) ? any.author : [any.author]) as unknown[];
  const organisation = list.every((a) => !!a && typeof a === 'object' && typesOf(a as Record<string, unknown>).includes('organization'));
  return { names: names(any.author).map((n) => clean(n) ?? ''), organisation };
}

/** Every content of one meta name, in page order: scholarly pages give each author a citation_author tag. */
function metaAll(meta: PageMetadata, name: string): string[] {
  return (meta.meta.get(name) ?? []).map((v) => clean(v)).filter((v): v is string => !!v);
}

const AUTHOR_HREF = /\/(authors?|writers?|contributors?|people|staff|profile)\/[^/?#]+/i;

/** Profile links to other sites (a Bluesky or LinkedIn profile) are not the byline. */
function sameSite(a: Element, doc: Document): boolean {
  const href = a.getAttribute('href') ?? '';
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return true;
  try {
    return new URL(href, doc.baseURI).hostname.replace(/^www\./, '') === new URL(doc.baseURI).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

/**
 * Author links: rel=author or an /author/ path. The first one found is the byline's; links sharing
 * its parent are co-authors. A plain loop over anchors, since substring attribute selectors are
 * slow over a whole page.
 */
function domAuthors(doc: Document): string[] {
  const itemprop = doc.querySelector('[itemprop="author"]');
  if (itemprop) {
    const name = squash((itemprop.querySelector('[itemprop="name"]') ?? itemprop).textContent);
    if (name && name.length <= 60) return [name];
  }
  for (const a of doc.getElementsByTagName('a')) {
    const rel = a.getAttribute('rel') ?? '';
    if (!/\bauthor\b/i.test(rel) && !(AUTHOR_HREF.test(a.getAttribute('href') ?? '') && sameSite(a, doc))) continue;
    const text = squash(a.textContent);
    if (!text || text.length > 60) continue;
    const siblings = [...(a.parentElement?.getElementsByTagName('a') ?? [])].filter(
      (b) => b !== a && AUTHOR_HREF.test(b.getAttribute('href') ?? '') || /\bauthor\b/i.test(b.getAttribute('rel') ?? ''),
    );
    return [text, ...siblings.map((b) => squash(b.textContent)).filter((t) => t && t.length <= 60)];
  }
  return [];
}

/** A login name ("kffnirmitap", "andrew.keaveney") that a CMS put where the author's name goes. */
const LOGIN = /^[a-z\d]+(?:[._-][a-z\d]+)*$/;
const isLogin = (name: string) => LOGIN.test(name) && (/[._\d-]/.test(name) || name.length >= 10);

/**
 * Organisations are authors too (a company blog signed by the company), but when a source names
 * only the site itself, an organisation, or a CMS login, a later source that names a person is
 * preferred: pages put the publisher in the author field of their metadata as a default.
 */
export function findByline(doc: Document, page: PageMetadata, readabilityByline: string | undefined, siteName?: string): string | undefined {
  const meta = metaFirst(page, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl');
  const sources: (() => LdAuthors | { names: string[]; organisation?: undefined })[] = [
    () => ldAuthors(page),
    () => ({ names: meta ? meta.split(/\s*;\s*/).map((n) => clean(n) ?? '') : [] }),
    () => ({ names: metaAll(page, 'citation_author') }),
    () => ({ names: readabilityByline ? [readabilityByline] : [] }),
    () => ({ names: domAuthors(doc) }),
    () => ({ names: [visibleByline(doc) ?? ''] }),
  ];
  const site = siteName ? compact(siteName) : '';
  const host = hostKeys(hostOf(doc));
  // 0: a person; 1: the host's name, which on a personal site is the author's own; 2: the site, an organisation, a login.
  let fallback: { name: string; rank: number } | undefined;
  for (const source of sources) {
    const { names, organisation } = source();
    const joined = joinNames(names);
    if (!joined) continue;
    const key = compact(joined);
    const rank = key === site || isLogin(joined) || organisation ? 2 : host.has(key) ? 1 : 0;
    if (rank === 0) return joined;
    if (!fallback || rank < fallback.rank) fallback = { name: joined, rank };
  }
  return fallback?.name;
}

function hostOf(doc: Document): string {
  try {
    return new URL(doc.baseURI).hostname;
  } catch {
    return ''; // An opaque base URL (about:blank) names no site.
  }
}
