/**
 * The article's headline. Metadata titles (og:title, JSON-LD headline, <title>) are written for
 * search results and social cards: they carry site-name suffixes and are often reworded for SEO.
 * The <h1> the reader sees on the page is the headline, but pages also use <h1> for logos and
 * section names, so an <h1> is trusted when it agrees with a metadata title (shares most of its
 * words with one of the title's parts), or when it is plainly the page's content heading (the only
 * one, or the first in the article region, and not a pull quote inside the text). Where the <h1>
 * is set in capitals or led by a label or date, the metadata's wording of it is used instead.
 */
import { compact, hostKeys, repairMojibake, squash, words } from './text-utils.ts';
import { TITLE_SEPARATOR as SEPARATOR } from '../detect/page-metadata.ts';

/** Strips a " - Site Name" / " | Site" suffix (or prefix) that pages append to <title>. */
export function stripSiteName(title: string, siteName: string | undefined, host?: string): string {
  // "davidbau.com Vibe Coding": the host name put before the title without a separator.
  const bare = host?.replace(/^www\./i, '');
  if (bare && title.toLowerCase().startsWith(`${bare.toLowerCase()} `) && words(title).length > words(bare).length + 1) {
    title = title.slice(bare.length).trim();
  }
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const site = siteName ? words(siteName).join(' ') : undefined;
  const hosts = hostKeys(host);
  const kept = parts.filter((p) => words(p).join(' ') !== site && !hosts.has(compact(p)));
  if (kept.length < parts.length && kept.length > 0) return kept.join(' - ');
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
 * A logo or site banner set as <h1>: it links to the site's front page or shows an image, or it is
 * a few words in the page header outside the article. Such an <h1> matching the " | Site" part of
 * the title must not win.
 */
function isLogo(h1: Element, siteWords: string): boolean {
  const text = words(headingText(h1)).join(' ');
  if (siteWords && text === siteWords) return true;
  if (h1.querySelector('img, svg') && text.split(' ').length <= 4) return true;
  const link = h1.closest('a') ?? h1.querySelector('a');
  const href = link?.getAttribute('href') ?? '';
  if (link && /^(\/|https?:\/\/[^/]+\/?|\.\/?|index\.html?)$/i.test(href.trim())) return true;
  // A short <h1> in the page's banner is the site's name; a long one is a hero headline.
  return text.split(' ').length <= 4 && !!h1.closest('header, nav, [role="banner"]') && !h1.closest('article, main, [role="main"]');
}

interface TitlePart {
  text: string;
  words: string[];
}

/** Every metadata title, and every part of one, except parts that are the site's name. */
function titleParts(metaTitles: string[], siteWords: string): TitlePart[] {
  const out: TitlePart[] = [];
  for (const t of metaTitles) {
    out.push({ text: t, words: words(t) });
    const split = t.split(SEPARATOR);
    if (split.length < 2) continue;
    for (const p of split) {
      const w = words(p);
      if (w.length && w.join(' ') !== siteWords) out.push({ text: p.trim(), words: w });
    }
  }
  return out;
}

const isShouting = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

/**
 * The metadata's wording of the headline the page shows, where the page's is worse: set in
 * capitals for style ("BEST DRIP COFFEE MAKER"), or led by a label or date that is not part of
 * it ("Blog: …", "Dec 18 2025 …").
 */
function refine(h1Text: string, part: TitlePart | undefined): string {
  if (!part || part.text.split(SEPARATOR).length > 1) return h1Text;
  const h = words(h1Text);
  if (isShouting(h1Text) && !isShouting(part.text) && h[0] === part.words[0] && Math.min(overlap(h, part.words), overlap(part.words, h)) >= 0.8) {
    return part.text;
  }
  const led = LABEL_OR_DATE.exec(h1Text);
  if (led && words(led[1]!).join(' ') === part.words.join(' ')) return part.text;
  return h1Text;
}

const LABEL_OR_DATE = /^(?:[^:]{1,24}:|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}-\d\d-\d\d)\s*[-–—|·:]?\s+(.+)$/i;

/** A heading that comes after the article's first paragraphs is inside the text (a pull quote), not its title. */
function followsProse(h1: Element): boolean {
  const doc = h1.ownerDocument;
  const ps = doc.getElementsByTagName('p');
  for (let i = 0; i < ps.length && i < 400; i++) {
    const p = ps[i]!;
    if (h1.compareDocumentPosition(p) & 4 /* FOLLOWING */) return false;
    if ((p.textContent ?? '').length > 200 && !p.closest('header, nav, aside, footer')) return true;
  }
  return false;
}

/** Heading text as the page shows it: a line break is a space ("WEEKEND<br>CODING" is two words). */
export function headingText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue;
      else if (c.nodeType === 1) {
        const name = (c as Element).localName;
        if (name === 'br') out += ' ';
        else if (name !== 'script' && name !== 'style' && name !== 'template') walk(c);
      }
    }
  };
  walk(el);
  return squash(repairMojibake(out));
}

/**
 * What a headline <h1> says, without what templates add to it: a section label after a bar
 * ("… | Opinion", "… | Top 19 Companies") and the site's own name after a separator.
 */
function headlineOf(h1: Element, siteName: string | undefined): string {
  let text = headingText(h1);
  const bar = text.indexOf(' | ');
  if (bar > 0 && words(text.slice(0, bar)).length >= 3) text = text.slice(0, bar).trim();
  return siteName ? stripSiteName(text, siteName) : text;
}

export function chooseHeadline(doc: Document, metaTitles: string[], siteName: string | undefined, host?: string): string | undefined {
  const siteWords = siteName ? words(siteName).join(' ') : '';
  const parts = titleParts(metaTitles, siteWords);
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 8).filter((h) => {
    const n = words(headingText(h)).length;
    return n > 0 && n <= 40 && !isLogo(h, siteWords);
  });
  let best: { text: string; score: number; part?: TitlePart } | undefined;
  for (const h1 of h1s) {
    const text = headlineOf(h1, siteName);
    const w = words(text);
    // Agreement in both directions with one part: the <h1> is that part, give or take a word.
    let score = parts.length ? 0 : 1;
    let part: TitlePart | undefined;
    for (const p of parts) {
      const s = Math.min(overlap(w, p.words), overlap(p.words, w) + 0.25);
      // On a tie the shorter, a part rather than the whole title with its site name.
      if (s > score || (s === score && part && p.words.length < part.words.length)) [score, part] = [s, p];
    }
    if (!best || score > best.score) best = { text, score, part };
  }
  if (best && best.score >= 0.5) return refine(best.text, best.part);
  // No metadata title agrees with any <h1>: an SEO title was written separately from the headline.
  // The one <h1> on the page, if it reads like a headline (a few words, not a sentence ending in a
  // full stop), is what the reader sees as the title.
  // With several, the first inside the page's article or main region, where templates put it.
  const lead = h1s.length === 1 ? h1s[0] : h1s.find((h) => h.closest('article, main, [role="main"]'));
  const only = lead ? headlineOf(lead, siteName) : '';
  const n = words(only).length;
  if (n >= 3 && n <= 20 && only.split(' ').length >= 3 && !/[.:]$/.test(only) && !followsProse(lead!)) return only;
  const stripped = metaTitles.map((t) => stripSiteName(t, siteName, host));
  const first = stripped[0];
  if (!first) return undefined;
  // A headline cut short in one field ("… Solutions (Including") is whole in another.
  const key = compact(first);
  return stripped.find((t) => {
    const head = compact(t.split(SEPARATOR)[0]!);
    return head.length > key.length && head.startsWith(key);
  }) ?? first;
}
