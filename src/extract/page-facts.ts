/**
 * Facts about the article that pages state in metadata more reliably than in their markup:
 * headline, authors, date, site name, language. Read-only: nothing here mutates the document.
 */
import { metaFirst, siteHost, typesOf, type PageMetadata } from '../detect/page-metadata.ts';
import type { Rules } from './rules.ts';
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

export function readArticleFacts(doc: Document, page: PageMetadata, url: URL, rules?: Rules): PageFacts {
  const objects = page.ld;
  const ld = page.article;
  const siteName =
    clean(metaFirst(page, 'og:site_name', 'application-name')) ??
    firstName(ld?.publisher) ??
    firstName(objects.find((o) => typesOf(o).includes('website'))?.name);
  const metaTitles = [clean(ld?.headline), clean(metaFirst(page, 'og:title', 'twitter:title', 'dc.title')), clean(page.docTitle)].filter(
    (t): t is string => !!t,
  );
  const published = isoDate(
    clean(ld?.datePublished) ??
      metaFirst(page, 'article:published_time', 'datePublished', 'dc.date', 'dc.date.issued', 'date', 'pubdate', 'publish-date', 'citation_publication_date', 'parsely-pub-date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
  );
  // Only near the headline: a whole-document substring-class query is slow and finds teasers.
  const near = doc.querySelector('h1')?.parentElement?.parentElement;
  const standfirst = [...(near?.querySelectorAll(STANDFIRST) ?? [])].find((el) => {
    const t = clean(el.textContent);
    return !!t && t.length >= 20 && t.length <= 400 && !el.querySelector('p + p, h1, h2, img');
  });
  return {
    title: chooseHeadline(doc, { metaTitles, siteName, host: siteHost(page, url) || undefined, rules }),
    subtitle: clean(ld?.alternativeHeadline) ?? clean(standfirst?.textContent) ?? clean(metaFirst(page, 'og:description', 'description')),
    siteName,
    published,
    lang: clean(page.lang),
    dir: page.dir,
  };
}
