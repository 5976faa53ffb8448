/**
 * Facts about the article that pages state in metadata more reliably than in their markup:
 * headline, authors, date, site name, language. Read before Readability, from the clone.
 */
import { jsonLdObjects, metaContent, typesOf, ARTICLE_TYPES } from '../detect/page-metadata.ts';

export interface PageFacts {
  title?: string;
  subtitle?: string;
  byline?: string;
  siteName?: string;
  published?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : undefined;
};

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object') return names((value as Record<string, unknown>).name);
  return [];
}

export function joinNames(list: string[]): string | undefined {
  const seen = new Set<string>();
  const unique = list
    .map((n) => n.replace(/^by\s+/i, '').replace(/\s+/g, ' ').trim())
    .filter((n) => n && !/^https?:/.test(n) && !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return unique[0];
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Strips a " - Site Name" / " | Site" suffix (or prefix) that pages append to <title>. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+[|\-–—:·»]\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const site = siteName.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== site);
    if (kept.length < parts.length) return kept.join(' - ');
  }
  return title;
}

export function readPageMetadata(doc: Document, _url: URL): PageFacts {
  const ld = jsonLdObjects(doc).find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const siteName =
    clean(metaContent(doc, 'og:site_name', 'application-name')) ??
    clean(ld && names((ld.publisher as Record<string, unknown> | undefined)?.name)[0]);
  const rawTitle =
    clean(ld?.headline) ?? clean(metaContent(doc, 'og:title', 'twitter:title', 'dc.title')) ?? clean(doc.querySelector('h1')?.textContent);
  const authors = ld ? names(ld.author) : [];
  const metaAuthor = metaContent(doc, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author');
  const byline = joinNames(authors.length > 0 ? authors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor] : []);
  const published = isoDate(
    clean(ld?.datePublished) ??
      metaContent(doc, 'article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate', 'publish-date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  );
  const lang = clean(doc.documentElement.getAttribute('lang')) ?? clean(metaContent(doc, 'og:locale'))?.replace('_', '-');
  const dirAttr = doc.documentElement.getAttribute('dir')?.toLowerCase() ?? doc.body?.getAttribute('dir')?.toLowerCase();
  return {
    title: rawTitle ? stripSiteName(rawTitle, siteName) : undefined,
    subtitle: clean(ld?.alternativeHeadline) ?? clean(metaContent(doc, 'og:description', 'description')),
    byline,
    siteName,
    published,
    lang,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : undefined,
  };
}
