/**
 * Bylines shown only as visible text, without author markup or structure: "By Amy Wilhelm" in a
 * meta line, "Name | Role | Date" lines, and "Written by …" headings of author boxes (labels,
 * author cards and avatars are read by author-structure.ts). Looked for only in the article's header (the
 * headline's surroundings), where a byline sits, so a name in a comment or a quote is not taken
 * and the search stays cheap on long pages.
 */
import { squash } from './text-utils.ts';
import { AUTHOR_LABEL, isName } from './author-structure.ts';
import { linesOf } from './block-lines.ts';

const BY_PREFIX = /^(?:(?:(?:written|posted|published|reviewed|words|story|text)\s+)?(?:by|von|par|por|door)\s*:?|(?:authors?|contributors?|writers?|autor(?:in)?|auteur|text)\s*:)\s*(.+)$/i;
const MAX_ELEMENTS = 600;
/**
 * "Ein Artikel von Pamela Sladky | 27.01.2022", "05.02.2020 - Redaktion: Eberhard Fuhr", "Posted on
 * May 3 by Jo Lee": the label inside a short meta line, the name after it.
 */
const BY_INSIDE = /(?:^|[\s\-–—|·•,(])(?:by|von|par|por|door|autor(?:in)?\s*:|author\s*:|text\s*:|redaktion\s*:|verfasser(?:in)?\s*:)\s*(\p{Lu}.*)$/u;
const DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d-\d\d/i;
const DATED_LINE = new RegExp(`\\s[|•·]\\s.*(?:${DATE.source})`, 'i');

function headerRegion(doc: Document): Element | null {
  const h1 = doc.querySelector('article h1, main h1, h1');
  if (!h1) return doc.querySelector('article, main');
  // The headline's container three levels up is the article header in nearly every template.
  let el: Element = h1;
  for (let i = 0; i < 3 && el.parentElement && el.parentElement !== doc.body; i++) el = el.parentElement;
  return el;
}

/** Post-nominal letters kept with the name: "Vanessa Mendez, MD", "Doris Munoz-Mantilla, MD, FOMA". */
const POST_NOMINALS = /^(?:,\s*(?:(?:[A-Z]\.){2,4}|[A-Z][a-z]?[A-Z]{1,5})(?![\p{L}.]))+/u;

function nameFrom(text: string): string | undefined {
  const full = squash(text);
  const cut = full.search(/[,|•·]/);
  const t = (cut < 0 ? full : full.slice(0, cut)).trim();
  if (t.length < 3 || t.length > 60 || !isName(t)) return undefined;
  return cut >= 0 && full[cut] === ',' ? t + (POST_NOMINALS.exec(full.slice(cut))?.[0] ?? '') : t;
}

/** The nearest following element with text: the value of a "Written by" label. */
function valueAfter(label: Element): string | undefined {
  for (let el: Element | null = label; el; el = el.parentElement) {
    const next = el.nextElementSibling;
    if (next) return nameFrom(next.textContent ?? '');
    if (el.parentElement && squash(el.parentElement.textContent) !== squash(label.textContent)) return undefined;
  }
  return undefined;
}

/**
 * An author box after the article, headed "Written by Cassidy Horton". Headings only: they are few
 * on any page, so this stays cheap, and a heading that says so is not a passing mention.
 */
function authorBoxHeading(doc: Document): string | undefined {
  const headings = doc.querySelectorAll('h2, h3, h4, h5, h6');
  for (let i = 0; i < headings.length && i < 200; i++) {
    const text = squash(headings[i]!.textContent);
    const m = /^(?:written|posted)\s+by\s*:?\s+(.+)$/i.exec(text);
    // "Article by" as the heading, the name in the element after it.
    const name = m ? nameFrom(m[1]!) : AUTHOR_LABEL.test(text) ? valueAfter(headings[i]!) : undefined;
    if (name) return name;
  }
  return undefined;
}

export function visibleByline(doc: Document): string | undefined {
  const region = headerRegion(doc);
  if (!region) return authorBoxHeading(doc);
  const all = region.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    if (el.localName === 'script' || el.localName === 'style' || el.localName === 'h1') continue;
    const text = squash(el.textContent);
    if (!text || text.length > 80) continue;
    // Read by lines, so a role or date set apart from the name stays apart: "Jo Lee | Staff Writer".
    const lined = linesOf(el, 40).join(' | ');
    const by = BY_PREFIX.exec(lined);
    if (by) {
      const name = nameFrom(by[1]!);
      if (name) return name;
    }
    // Inside a line, only a full name (two to four words), and never in a line holding the headline.
    const inside = BY_INSIDE.exec(lined);
    if (inside && !el.querySelector('h1, h2')) {
      const name = nameFrom(inside[1]!);
      const n = name?.split(' ').length ?? 0;
      if (name && n >= 2 && n <= 4) return name;
    }
    // A meta line "Aaron Ricadela | Senior Writer | July 2, 2025": a name, then a date.
    if (el.children.length === 0 && DATED_LINE.test(text)) {
      const first = text.split(/\s[|•·]\s/)[0]!;
      if (/^\p{Lu}\S*(?:\s\p{Lu}\S*){1,3}$/u.test(first) && !DATE.test(first)) return nameFrom(first);
    }
  }
  return authorBoxHeading(doc);
}
