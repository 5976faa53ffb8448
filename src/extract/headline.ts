/**
 * The article's headline, by agreement between the page's metadata titles (JSON-LD headline,
 * og:title, <title>: written for search results and social cards, with site-name suffixes and often
 * reworded) and the headings the reader sees. A heading is trusted when it agrees with a metadata
 * title or one of its parts (shares most of its words both ways). A headline <h1> often holds more
 * than the headline in separate elements: a kicker ("Klimaschutz", "Politics |"), a date, a
 * subtitle; each such segment is weighed on its own, and a leading kicker or date is not part of
 * the headline. When no heading agrees, the page's lone <h1> is taken if it reads like a headline;
 * otherwise the metadata title without the site's name.
 */
import { compact, hostKeys, repairMojibake, squash, words } from './text-utils.ts';
import { TITLE_SEPARATOR as SEPARATOR } from '../detect/page-metadata.ts';
import { DATE } from './dom-text.ts';
import { ALL_RULES, type Rules } from './rules.ts';

/** Where a site's name is attached to a title: " | Site", " - Site", "Site » ", "Title: Site", "Title_Site". */
const SITE_SEPARATOR = /\s*(?:\s[|\-–—•·»/~]\s|\s::\s|:\s|\s?_\s?|\s\|\|\s|[|»])\s*/;

/** Whether a title part names the site: its name, its host, or a name the host is made from. */
function namesSite(part: string, siteWords: string, hosts: Set<string>): boolean {
  const w = words(part);
  if (w.length === 0) return false;
  if (siteWords && w.join(' ') === siteWords) return true;
  const key = compact(part);
  if (hosts.has(key)) return true;
  if (w.length > 5) return false;
  for (const h of hosts) {
    if (h.length < 5) continue;
    // "Gregory Szorc's Digital Home" on gregoryszorc.com; "Krimiblog-Archiv" on archiv.krimiblog.de.
    if (key.startsWith(h) || (key.length >= 5 && h.startsWith(key))) return true;
  }
  return false;
}

/**
 * Strips the site's name from a metadata title ("Headline - Site Name", "Site » Headline",
 * "Headline: Site", "Headline_Site"), whichever separator and side it uses. With `generic`, a short
 * last part after a bar is taken for a site name or section even when the site's name is unknown.
 */
export function stripSiteName(title: string, siteName: string | undefined, host?: string, generic = true): string {
  // "davidbau.com Vibe Coding": the host name put before the title without a separator.
  const bare = host?.replace(/^www\./i, '');
  if (bare && title.toLowerCase().startsWith(`${bare.toLowerCase()} `) && words(title).length > words(bare).length + 1) {
    title = title.slice(bare.length).trim();
  }
  const siteWords = siteName ? words(siteName).join(' ') : '';
  const hosts = hostKeys(host);
  const parts = title.split(generic ? SITE_SEPARATOR : SEPARATOR).filter((p) => words(p).length > 0);
  if (parts.length >= 2) {
    const kept = parts.filter((p) => !namesSite(p, siteWords, hosts));
    if (kept.length < parts.length && kept.length > 0) {
      // Rebuild from the original text between the first and last kept parts, keeping inner separators.
      const start = title.indexOf(kept[0]!);
      const last = kept.at(-1)!;
      const end = title.lastIndexOf(last) + last.length;
      if (start >= 0 && end > start) return title.slice(start, end).trim();
      return kept.join(' - ');
    }
  }
  // Without a known site name: a short last part after " | " is a site name or section. Dashes
  // are left alone: as often as not they introduce a subtitle that is part of the headline.
  const split = title.split(SEPARATOR);
  if (split.length < 2) return title;
  const lastPart = split.at(-1)!;
  const rest = split.slice(0, -1).join(' - ');
  if (/\s\|\s[^|]*$/.test(title) && title.trimEnd().endsWith(lastPart) && words(lastPart).length <= 4 && words(rest).length >= 3) {
    return title.slice(0, title.length - lastPart.length).replace(/\s+(?:[|\-–—•·»]|::)\s*$/, '').trim();
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
 * a few words in the page header outside the article.
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

/** Every metadata title, and every part of one, except parts that name the site. */
function titleParts(metaTitles: string[], siteWords: string, hosts: Set<string>): TitlePart[] {
  const out: TitlePart[] = [];
  for (const t of metaTitles) {
    out.push({ text: t, words: words(t) });
    for (const sep of [SEPARATOR, SITE_SEPARATOR]) {
      const split = t.split(sep);
      if (split.length < 2) continue;
      for (const p of split) {
        const w = words(p);
        if (w.length && !namesSite(p, siteWords, hosts)) out.push({ text: p.trim(), words: w });
      }
    }
  }
  return out;
}

const isShouting = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

/**
 * The metadata's wording of the headline the page shows, where the page's is worse: set in
 * capitals for style, or led by a label or date that is not part of it ("Blog: …", "Dec 18 2025 …").
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
  return squash(repairMojibake(segmentsOf(el).join(' ')));
}

const INLINE_TEXT = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'em', 'i', 'mark', 'q', 's', 'sub', 'sup', 'u', 'wbr', 'code', 'cite', 'dfn', 'kbd', 'var', 'time']);

/**
 * The separately set parts of a heading: its text split at child elements that are not inline text
 * markup (a <span> or <small> kicker, a <div> subtitle). "<h1><span>Politics</span> Headline</h1>"
 * has two; "<h1>A <em>big</em> day</h1>" and "<h1>WEEKEND<br>CODING</h1>" have one.
 */
export function segmentsOf(el: Element): string[] {
  const out: string[] = [''];
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out[out.length - 1] += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const name = (c as Element).localName;
        if (name === 'br') out[out.length - 1] += ' ';
        else if (name === 'script' || name === 'style' || name === 'template') continue;
        else if (INLINE_TEXT.has(name)) walk(c);
        else {
          out.push('');
          walk(c);
          out.push('');
        }
      }
    }
  };
  walk(el);
  return out.map((s) => squash(s)).filter((s) => words(s).length > 0);
}

/** What a headline <h1> says, and its variants without a kicker, date or subtitle set apart from it. */
function headlineVariants(h1: Element, siteName: string | undefined, kickers: boolean): string[] {
  const full = headlineOf(headingText(h1), siteName);
  const variants = [full];
  if (!kickers) return variants;
  const segs = segmentsOf(h1).map((s) => squash(repairMojibake(s)));
  if (segs.length >= 2) {
    const lead = segs[0]!;
    // A leading kicker (a few words) or date, set apart: the headline is what follows.
    const rest = segs.slice(1).join(' ');
    if ((words(lead).length <= 6 || DATE.test(lead)) && words(rest).length >= 3) variants.unshift(headlineOf(rest, siteName));
    // A trailing subtitle set apart: the headline is what comes before.
    const before = segs.slice(0, -1).join(' ');
    if (words(before).length >= 3) variants.push(headlineOf(before, siteName));
    for (const s of segs) if (words(s).length >= 3) variants.push(headlineOf(s, siteName));
  }
  // "27.01.2022MineralölINFO …": a date run into the headline.
  const dated = /^\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d\d-\d\d)\s*/.exec(full);
  if (dated && words(full.slice(dated[0].length)).length >= 2) variants.unshift(full.slice(dated[0].length));
  return [...new Set(variants.filter((v) => words(v).length > 0))];
}

/** Without a section label after a bar ("… | Opinion") and the site's own name after a separator. */
function headlineOf(raw: string, siteName: string | undefined): string {
  let text = raw;
  const bar = text.indexOf(' | ');
  if (bar > 0 && words(text.slice(0, bar)).length >= 3) text = text.slice(0, bar).trim();
  return siteName ? stripSiteName(text, siteName, undefined, false) : text;
}

export interface HeadlineInput {
  metaTitles: string[];
  siteName?: string;
  /** The site's host: the canonical address's where the page names one. */
  host?: string;
  rules?: Rules;
}

export function chooseHeadline(doc: Document, input: HeadlineInput): string | undefined {
  const rules = input.rules ?? ALL_RULES;
  const { metaTitles, siteName } = input;
  const host = rules.on('title-canonical-host') ? input.host : undefined;
  const siteWords = siteName ? words(siteName).join(' ') : '';
  const hosts = hostKeys(host);
  const parts = titleParts(metaTitles, siteWords, rules.on('title-site-name') ? hosts : new Set());
  const h1s = [...doc.querySelectorAll('h1')].slice(0, 8).filter((h) => {
    const n = words(headingText(h)).length;
    return n > 0 && n <= 40 && !isLogo(h, siteWords);
  });
  if (rules.on('title-h1-agreement')) {
    let best: { text: string; score: number; part?: TitlePart } | undefined;
    const consider = (text: string, bonus: number) => {
      const w = words(text);
      // Agreement in both directions with one part: the heading is that part, give or take a word.
      let score = parts.length ? 0 : 1;
      let part: TitlePart | undefined;
      for (const p of parts) {
        const s = Math.min(overlap(w, p.words), overlap(p.words, w) + 0.25);
        // On a tie the shorter, a part rather than the whole title with its site name.
        if (s > score || (s === score && part && p.words.length < part.words.length)) [score, part] = [s, p];
      }
      if (!best || score + bonus > best.score) best = { text, score: score + bonus, part };
    };
    for (const h1 of h1s) {
      // Variants earlier in the list win ties: the headline without its kicker over the whole <h1>.
      // Without metadata to agree with, the <h1> is taken whole.
      headlineVariants(h1, siteName, rules.on('title-kicker') && parts.length > 0).forEach((v, i) => consider(v, -i * 0.001));
    }
    if (best && best.score >= 0.5) return refine(best.text, best.part);
    // A post title set as <h2> under a site-name <h1> (common blog templates): a heading that is one
    // of the metadata title's parts word for word.
    if (parts.length && rules.on('title-kicker')) {
      for (const h of [...doc.querySelectorAll('h2, h3')].slice(0, 30)) {
        const text = headingText(h);
        const w = words(text).join(' ');
        if (words(text).length >= 2 && parts.some((p) => p.words.join(' ') === w && p.text !== metaTitles.at(-1))) return text;
      }
    }
  }
  // No metadata title agrees with any <h1>: an SEO title was written separately from the headline.
  // The one <h1> on the page, if it reads like a headline (a few words, not a sentence ending in a
  // full stop), is what the reader sees as the title; with several, the first inside the page's
  // article or main region, where templates put it.
  if (rules.on('title-lone-h1')) {
    const lead = h1s.length === 1 ? h1s[0] : h1s.find((h) => h.closest('article, main, [role="main"]'));
    const only = lead ? headlineOf(headingText(lead), siteName) : '';
    const n = words(only).length;
    if (n >= 3 && n <= 20 && only.split(' ').length >= 3 && !/[.:]$/.test(only) && !followsProse(lead!)) return only;
  }
  const generic = rules.on('title-site-name');
  const stripped = metaTitles.map((t) => stripSiteName(t, siteName, host, generic));
  const first = stripped[0];
  if (!first) return undefined;
  // A headline cut short in one field ("… Solutions (Including") is whole in another.
  const key = compact(first);
  return (
    stripped.find((t) => {
      const head = compact(t.split(SEPARATOR)[0]!);
      return head.length > key.length && head.startsWith(key);
    }) ?? first
  );
}
