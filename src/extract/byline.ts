/**
 * Author names, from the most to the least reliable source: JSON-LD, author meta tags, the page's
 * author markup and structure (author links, author cards, avatars, "Author:" labels), Readability's
 * byline, and a visible "By …" line near the headline. Every source is cleaned the same way,
 * because bylines arrive with "By", dates, e-mail addresses and duplicated copies around the names.
 * A person is preferred: a source that names only the site, an organisation (as JSON-LD says) or a
 * CMS login is kept as a fallback while a later source may still name a person.
 */
import { squash, clean, words, compact, hostKeys } from './text-utils.ts';
import { visibleByline } from './visible-byline.ts';
import { cardAuthors, copyrightHolder, markupAuthors, signedName } from './author-structure.ts';
import { metaFirst, typesOf, ARTICLE_TYPES, type PageMetadata } from '../detect/page-metadata.ts';
import { DATE } from './dom-text.ts';
import { ALL_RULES, type Rules } from './rules.ts';

/** Not names: placeholders, labels and machine values that sites put where an author goes. */
const NOT_A_NAME = /^(the )?authors?$|^(by|von|par|por|updated|published|posted|written by|insights from|mon|tue|wed|thu|fri|sat|sun|veröffentlicht|publiziert|aktualisiert|datum|publié|publicado|pubblicato)$|\d|\s(by|from|von)$|^[\w-]+(\.[\w-]+){3,}$|^about( the)? author$|^admin(istrator)?$|^(editor|editorial|guest|unknown|null|undefined)$|^(people|our team|contributors|writers)$|^(bluesky|twitter|x|facebook|linkedin|instagram|threads|mastodon|learn more|read more|view profile)$|^\d+$|^https?:|@|^\[|:$/i;
/** A date after the name, and everything after it. */
const DATE_TAIL = new RegExp(String.raw`\s*[-–—|,·•]?\s*(?:on\s+|am\s+|le\s+|el\s+)?(?:updated|published|posted)?\s*:?\s*(?:${DATE.source}).*$`, 'iu');
/** "Dec. 19, 2025 · Niko Matsakis", "29. Juni 2017, 23:39 · von Tobi": a date set before the name. */
const LEADING_DATE = new RegExp(String.raw`^(?:(?:updated|published|posted)\s*:?\s*)?(?:${DATE.source})(?:,?\s*\d{1,2}[:.]\d\d(?:\s*uhr)?)?\s*[-–—|,·•]?\s*`, 'iu');
/** Label-value pairs in one string ("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet"): the author's value. */
const AUTHOR_VALUE = /(?:^|\s)(?:autor(?:in)?|author|auteur|autore|text|texte|von|by)\s*:\s*(.+?)(?=\s+\p{L}+\s*:|$)/iu;

const EMAIL = /\s*<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?/g;

export function cleanName(raw: string): string | undefined {
  // "Dec 17, 2025Julian K. Arni": a date run into the name.
  let name = squash(raw).replace(EMAIL, '').replace(/(\d)(\p{Lu}\p{Ll})/gu, '$1 $2');
  const labelled = AUTHOR_VALUE.exec(name);
  if (labelled && /:\s*\S/.test(name.slice(0, labelled.index + labelled[0].length)) && name.split(':').length > 2) name = labelled[1]!;
  name = name
    .replace(LEADING_DATE, '')
    .replace(/^(this (post|article) was )?(written|posted|reviewed|edited|words|story|text|geschrieben|verfasst)?\s*(by|von|par|por|di|door)\s*:\s*/i, '')
    .replace(/^(this (post|article) was )?(written|posted|reviewed|edited|words|story|text|geschrieben|verfasst)?\s*(by|von|par|por|di|door)\s+/i, '')
    .replace(/^(authors?|autor(?:in)?|auteur|autore|text)\s*:\s*/i, '')
    .replace(/^(?:articles?|posts?|stories|words)\s+by\s+/i, '')
    .replace(/^([Ww]ritten|[Pp]osted)\s*[Bb]y(?=\p{Lu})/u, '')
    .replace(/^[Bb]y(?=\p{Lu}\p{Ll})/u, '')
    .replace(DATE_TAIL, '')
    .replace(/\s*[|•·]\s*.*$/, '')
    .replace(/\s*\([^)]*\)?\s*$/, '')
    .replace(/\s+(?:am|on|le|el|il)$/i, '')
    .trim();
  // "Text und Interview: Harald Willenbrock": a short label before a colon.
  const colon = /^([^:]{1,30}):\s+(\S.*)$/.exec(name);
  if (colon && colon[1]!.split(' ').length <= 3) name = colon[2]!;
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
    // "Ann Lee" and "Ann Lee, Staff Writer" from two sources: one person.
    if (unique.some((u) => words(u).join(' ').startsWith(key) || key.startsWith(words(u).join(' ')))) continue;
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

/** 'fallback': a weak source (a footer's rights holder), taken only when nothing else names anyone. */
type Kind = 'person' | 'organisation' | 'unknown' | 'fallback';

interface Source {
  names: string[];
  kind?: Kind;
}

/** Author names from JSON-LD: the article's own author first, then any page-level author. Its type says person or organisation. */
function ldAuthors(meta: PageMetadata): Source {
  const objects = meta.ld;
  const article = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)) && o.author);
  const any = article ?? objects.find((o) => o.author && !typesOf(o).some((t) => t === 'product' || t === 'review'));
  if (!any) return { names: [] };
  const list = (Array.isArray(any.author) ? any.author : [any.author]) as unknown[];
  const typed = (t: string) => list.every((a) => !!a && typeof a === 'object' && typesOf(a as Record<string, unknown>).includes(t));
  const kind: Kind = typed('organization') || typed('newsmediaorganization') ? 'organisation' : typed('person') ? 'person' : 'unknown';
  return { names: names(any.author).map((n) => clean(n) ?? ''), kind };
}

/** A company's legal form ("GmbH", "e.V.", "Ltd"): the name is an organisation's. */
const LEGAL_FORM = /\b(?:gmbh|ag|e\.\s?v\.|ev|kg|ohg|ug|ltd|llc|inc|corp|plc|s\.a\.|sa|sarl|s\.l\.|srl|b\.v\.|bv|oy|ab|as)\.?$/i;

/** A login name ("kffnirmitap", "andrew.keaveney") that a CMS put where the author's name goes. */
const LOGIN = /^[a-z\d]+(?:[._-][a-z\d]+)*$/;
const isLogin = (name: string) => LOGIN.test(name) && (/[._\d-]/.test(name) || name.length >= 10);

export interface BylineInput {
  page: PageMetadata;
  readabilityByline?: string;
  /** The extracted body, where a report may be signed at its end. */
  body?: Element;
  siteName?: string;
  /** The site's host (canonical where the page names one). */
  host?: string;
  rules?: Rules;
}

export function findByline(doc: Document, input: BylineInput): string | undefined {
  const { page, readabilityByline, siteName } = input;
  const rules = input.rules ?? ALL_RULES;
  const meta = metaFirst(page, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl');
  const metaAuthor = meta && !/^https?:\/\//i.test(meta) ? meta : undefined;
  const hosts = hostKeys(input.host ?? hostOf(doc));
  const sources: (() => Source)[] = [
    () => ldAuthors(page),
    () => ({ names: metaAuthor ? metaAuthor.split(/\s*;\s*/).map((n) => clean(n) ?? '') : [] }),
    () => ({ names: (page.meta.get('citation_author') ?? []).map((v) => clean(v) ?? '') }),
    ...(rules.on('author-structure') ? [() => ({ names: markupAuthors(doc) })] : []),
    ...(rules.on('author-visible-text') ? [() => ({ names: [visibleByline(doc) ?? ''] })] : []),
    ...(rules.on('author-structure') ? [() => ({ names: cardAuthors(doc) })] : []),
    () => ({ names: readabilityByline ? [readabilityByline] : [] }),
    ...(rules.on('author-signoff') ? [() => ({ names: [signedName(input.body) ?? ''] }), () => ({ names: [copyrightHolder(doc, hosts) ?? ''], kind: 'fallback' as const })] : []),
  ];
  const site = siteName ? compact(siteName) : '';
  const personFirst = rules.on('author-person-first');
  // 0: a person; 1: the host's name, which on a personal site is the author's own; 2: the site, an organisation, a login.
  let fallback: { name: string; rank: number } | undefined;
  let person: string | undefined;
  for (const source of sources) {
    const { names, kind } = source();
    const joined = joinNames(names);
    if (!joined) continue;
    if (!personFirst) return joined;
    // A first name alone ("Nils") is completed by a later source that spells it out ("Nils Pickert").
    if (person) {
      if (words(joined)[0] === words(person)[0] && words(joined).length > 1 && words(joined).length <= 4) return joined;
      continue;
    }
    const key = compact(joined);
    const rank = key === site || isLogin(joined) || kind === 'organisation' || LEGAL_FORM.test(joined) ? 2 : hosts.has(key) || kind === 'fallback' ? 1 : 0;
    if (rank === 0) {
      if (words(joined).length > 1) return joined;
      person = joined;
      continue;
    }
    if (!fallback || rank < fallback.rank) fallback = { name: joined, rank };
  }
  return person ?? fallback?.name;
}

function hostOf(doc: Document): string {
  try {
    return new URL(doc.baseURI).hostname;
  } catch {
    return ''; // An opaque base URL (about:blank) names no site.
  }
}
