/**
 * The article's headline. Metadata titles (og:title, JSON-LD headline, <title>) are written for
 * search results and social cards: they carry site-name suffixes and are often reworded for SEO.
 * The <h1> the reader sees on the page is the headline, but pages also use <h1> for logos and
 * section names, so an <h1> is trusted when it agrees with a metadata title (shares most of its
 * words with one of the title's parts), or when it is plainly the page's one content heading.
 */
import { squash, words } from './text-utils.ts';

const SEPARATOR = /\s+(?:[|\-–—•·»]|::)\s+/;

/** Strips a " - Site Name" / " | Site" suffix (or prefix) that pages append to <title>. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  if (siteName) {
    const site = words(siteName).join(' ');
    const kept = parts.filter((p) => words(p).join(' ') !== site);
    if (kept.length < parts.length && kept.length > 0) return kept.join(' - ');
  }
  // Without a known site name: a short last part after " | " is a site name or section. Dashes
  // are left alone: as often as not they introduce a subtitle that is part of the headline.
  const last = parts.at(-1)!;
  const rest = parts.slice(0, -1).join(' - ');
  if (/\s\|\s[^|]*$/.test(title) && title.trimEnd().endsWith(last) && words(last).length <= 4 && words(rest).length >= 3) {
    return title.slice(0, title.length - last.length).replace(/\s+(?:[|\-–—•·»]|::)\s*$/, '').trim();
  }
  return title;
}

function overlap(candidate: string[], reference: string[]): number {
  if (candidate.length === 0) return 0;
  const ref = new Set(reference);
  return candidate.filter((w) => ref.has(w)).length / candidate.length;
}

/**
 * A logo or site banner set as <h1>: it links to the site's front page or shows an image, or it
 * sits in the page header outside the article. Such an <h1> matching the " | Site" part of the
 * title must not win.
 */
function isLogo(h1: Element, siteWords: string): boolean {
  const text = words(squash(h1.textContent)).join(' ');
  if (siteWords && text === siteWords) return true;
  if (h1.querySelector('img, svg') && text.split(' ').length <= 4) return true;
  const link = h1.closest('a') ?? h1.querySelector('a');
  const href = link?.getAttribute('href') ?? '';
  if (link && /^(\/|https?:\/\/[^/]+\/?|\.\/?|index\.html?)$/i.test(href.trim())) return true;
  return !!h1.closest('header, nav, [role="banner"]') && !h1.closest('article, main, [role="main"]');
}

/** Every part of every metadata title, except parts that are the site's name. */
function titleParts(metaTitles: string[], siteWords: string): string[][] {
  const out: string[][] = [];
  for (const t of metaTitles) {
    out.push(words(t));
    for (const p of t.split(SEPARATOR)) {
      const w = words(p);
      if (w.length && w.join(' ') !== siteWords) out.push(w);
    }
  }
  return out;
}

export function chooseHeadline(doc: Document, metaTitles: string[], siteName: string | undefined): string | undefined {
  const siteWords = siteName ? words(siteName).join(' ') : '';
  const parts = titleParts(metaTitles, siteWords);
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 8).filter((h) => {
    const n = words(squash(h.textContent)).length;
    return n > 0 && n <= 40 && !isLogo(h, siteWords);
  });
  let best: { text: string; score: number } | undefined;
  for (const h1 of h1s) {
    const text = squash(h1.textContent);
    const w = words(text);
    // Agreement in both directions with one part: the <h1> is that part, give or take a word.
    const score = parts.length ? Math.max(...parts.map((p) => Math.min(overlap(w, p), overlap(p, w) + 0.25))) : 1;
    if (!best || score > best.score) best = { text, score };
  }
  if (best && best.score >= 0.5) return best.text;
  // No metadata title agrees with any <h1>: an SEO title was written separately from the headline.
  // The one <h1> on the page, if it reads like a headline (a few words, not a sentence ending in a
  // full stop), is what the reader sees as the title.
  const only = h1s.length === 1 ? squash(h1s[0]!.textContent) : '';
  const n = words(only).length;
  if (n >= 3 && n <= 20 && !only.endsWith('.')) return only;
  const meta = metaTitles[0];
  return meta ? stripSiteName(meta, siteName) : undefined;
}
