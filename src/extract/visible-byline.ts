/**
 * Bylines shown only as visible text, without author markup: "By Amy Wilhelm" in a meta line,
 * a "Written by" / "Author" label with the name in the next element, or a short name inside an
 * element whose class says it is the author. Looked for only in the article's header (the
 * headline's surroundings), where a byline sits, so a name in a comment or a quote is not taken
 * and the search stays cheap on long pages.
 */
import { squash } from './text-utils.ts';

const BY_PREFIX = /^(?:(?:(?:written|posted|published|reviewed|words|story|text)\s+)?(?:by|von|par|por|door)\s*:?|(?:authors?|contributors?|writers?|autor|auteur)\s*:)\s*(.+)$/i;
const LABEL = /^(?:(?:written|posted|published)\s+by|by|authors?|writers?|contributors?|autor|auteur)\s*:?$/i;
const AUTHOR_CLASS = /author|byline|writer/i;
/** A person's or team's name: 1-6 words, starting with a capital, no digits or sentence punctuation. */
const NAME_LIKE = /^[\p{Lu}][\p{L}'’.\-]*(?:\s+[\p{L}'’.\-&]+){0,5}$/u;
const MAX_ELEMENTS = 600;
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

function nameFrom(text: string): string | undefined {
  const t = squash(text).replace(/[,|•·].*$/, '').trim();
  return t.length >= 3 && t.length <= 60 && NAME_LIKE.test(t) ? t : undefined;
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

/** A name found only by its element's class: at least two words, so labels ("People") are not taken. */
function personName(text: string): string | undefined {
  const name = nameFrom(text);
  return name && name.split(/\s+/).length >= 2 ? name : undefined;
}

/**
 * An author box after the article, headed "Written by Cassidy Horton". Headings only: they are few
 * on any page, so this stays cheap, and a heading that says so is not a passing mention.
 */
function authorBoxHeading(doc: Document): string | undefined {
  const headings = doc.querySelectorAll('h2, h3, h4, h5, h6');
  for (let i = 0; i < headings.length && i < 200; i++) {
    const m = /^(?:written|posted)\s+by\s*:?\s+(.+)$/i.exec(squash(headings[i]!.textContent));
    const name = m ? nameFrom(m[1]!) : undefined;
    if (name) return name;
  }
  return undefined;
}

export function visibleByline(doc: Document): string | undefined {
  const region = headerRegion(doc);
  if (!region) return authorBoxHeading(doc);
  const all = region.getElementsByTagName('*');
  let classed: string | undefined;
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    if (el.localName === 'script' || el.localName === 'style' || el.localName === 'h1') continue;
    const text = squash(el.textContent);
    if (!text || text.length > 80) continue;
    const by = BY_PREFIX.exec(text);
    if (by) {
      const name = nameFrom(by[1]!);
      if (name) return name;
    }
    // A meta line "Aaron Ricadela | Senior Writer | July 2, 2025": a name, then a date.
    if (el.children.length === 0 && DATED_LINE.test(text)) {
      const first = text.split(/\s[|•·]\s/)[0]!;
      if (/^\p{Lu}\S*(?:\s\p{Lu}\S*){1,3}$/u.test(first) && !DATE.test(first)) return nameFrom(first);
    }
    if (LABEL.test(text) && el.children.length === 0) {
      const name = valueAfter(el);
      if (name) return name;
    }
    if (!classed && AUTHOR_CLASS.test(el.getAttribute('class') ?? '')) {
      // An author box holds the name and often a role ("Rachel MacDonald" / "Writer"): the first line is the name.
      classed = personName(el.children.length <= 1 ? text : el.firstElementChild?.textContent ?? '');
    }
  }
  return classed ?? authorBoxHeading(doc);
}
