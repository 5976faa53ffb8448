/**
 * Facts about the article that pages state in metadata more reliably than in their markup:
 * headline, authors, date, site name, language. Read-only: nothing here mutates the document.
 */
import { jsonLdObjects, metaContent, typesOf, ARTICLE_TYPES } from '../detect/page-metadata.ts';
import { chooseHeadline } from './headline.ts';
import { clean } from './text-utils.ts';

export { stripSiteName } from './headline.ts';
export { joinNames } from './byline.ts';

export interface PageFacts {
  title?: string;
  subtitle?: string;
  siteName?: string;
  published?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time).toISOString() : undefined;
}

function firstName(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstName(value[0]);
  if (value && typeof value === 'object') return clean((value as Record<string, unknown>).name);
  return clean(value);
}

const STANDFIRST = '[class*="standfirst" i], [class*="dek" i], [class*="subtitle" i], [class*="subhead" i], [class*="lede" i], [itemprop="alternativeHeadline"]';

export function readPageMetadata(doc: Document, url: URL): PageFacts {
  const objects = jsonLdObjects(doc);
  const ld = objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const siteName =
    clean(metaContent(doc, 'og:site_name', 'application-name')) ??
    firstName(ld?.publisher) ??
    firstName(objects.find((o) => typesOf(o).includes('website'))?.name);
  const metaTitles = [clean(ld?.headline), clean(metaContent(doc, 'og:title', 'twitter:title', 'dc.title')), clean(doc.title)].filter(
    (t): t is string => !!t,
  );
  const published = isoDate(
    clean(ld?.datePublished) ??
      metaContent(doc, 'article:published_time', 'datePublished', 'dc.date', 'dc.date.issued', 'date', 'pubdate', 'publish-date', 'citation_publication_date', 'parsely-pub-date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  );
  const lang = clean(doc.documentElement.getAttribute('lang')) ?? clean(metaContent(doc, 'og:locale', 'language', 'content-language'))?.replace('_', '-');
  const dirAttr = doc.documentElement.getAttribute('dir')?.toLowerCase() ?? doc.body?.getAttribute('dir')?.toLowerCase();
  // Only near the headline: a whole-document substring-class query is slow and finds teasers.
  const near = doc.querySelector('h1')?.parentElement?.parentElement;
  const standfirst = [...(near?.querySelectorAll(STANDFIRST) ?? [])].find((el) => {
    const t = clean(el.textContent);
    return !!t && t.length >= 20 && t.length <= 400 && !el.querySelector('p + p, h1, h2, img');
  });
  return {
    title: chooseHeadline(doc, metaTitles, siteName, url.hostname || undefined),
    subtitle: clean(ld?.alternativeHeadline) ?? clean(standfirst?.textContent) ?? clean(metaContent(doc, 'og:description', 'description')),
    siteName,
    published,
    lang,
    dir: dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : rtlByLang(lang),
  };
}

/** Pages in right-to-left scripts often leave `dir` unset and rely on the language alone. */
function rtlByLang(lang: string | undefined): 'rtl' | undefined {
  return lang && /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb)(-|$)/i.test(lang) ? 'rtl' : undefined;
}
