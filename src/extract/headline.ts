/**
 * The article's headline. Metadata titles (og:title, JSON-LD headline, <title>) are written for
 * search results and social cards: they carry site-name suffixes and are often reworded for SEO.
 * The <h1> the reader sees on the page is the headline, but pages also use <h1> for logos and
 * section names, so an <h1> wins only when it shares most of its words with a metadata title.
 */
import { squash, words } from './text-utils.ts';

/** Strips a " - Site Name" / " | Site" suffix (or prefix) that pages append to <title>. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const parts = title.split(/\s+(?:[|\-–—•·»]|::)\s+/);
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

function overlap(candidate: string, reference: string[]): number {
  const c = words(candidate);
  if (c.length === 0) return 0;
  const ref = new Set(reference);
  return c.filter((w) => ref.has(w)).length / c.length;
}

/** The longest part of a "Headline | Section | Site" title: the part that can be the headline. */
function mainPart(title: string): string {
  return title.split(/\s+(?:[|\-–—•·»]|::)\s+/).reduce((a, b) => (words(b).length > words(a).length ? b : a));
}

export function chooseHeadline(doc: Document, metaTitles: string[], siteName: string | undefined): string | undefined {
  // Compared with the headline part only, so a logo <h1> matching the " | Site" suffix loses.
  const reference = metaTitles.map(mainPart).flatMap(words);
  const siteWords = siteName ? words(siteName).join(' ') : '';
  let best: { text: string; score: number } | undefined;
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 8);
  for (const h1 of h1s) {
    const text = squash(h1.textContent);
    const n = words(text).length;
    if (n === 0 || n > 40 || words(text).join(' ') === siteWords) continue;
    const score = reference.length ? overlap(text, reference) : h1s.length === 1 ? 1 : 0;
    if (!best || score > best.score) best = { text, score };
  }
  if (best && best.score >= 0.5) return best.text;
  const meta = metaTitles[0];
  return meta ? stripSiteName(meta, siteName) : undefined;
}
