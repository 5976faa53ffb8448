/**
 * Authors named by the page's structure rather than its metadata: schema.org `itemprop="author"`,
 * author links (rel=author, or a same-site /author/… address) with the co-author links beside
 * them, a label and its value ("Autor:" then the name), an author card (an element the page's own
 * markup calls the author's, read line by line so a role under the name stays apart from it), and
 * an avatar whose alt text is the name shown beside it. Comment threads, site footers and menus
 * are never read: their names are commenters and designers.
 */
import { squash } from './text-utils.ts';
import { linesOf } from './block-lines.ts';

/** A person's or team's name: 1-6 words, starting with a capital, no digits or sentence punctuation. */
export const NAME_LIKE = /^[\p{Lu}][\p{L}'’.\-]*(?:\s+[\p{L}'’.\-&]+){0,5}$/u;
/** Labels put before an author's name, in the corpora's languages. */
export const AUTHOR_LABEL = /^(?:(?:written|posted|published|article|post|story|words|text)\s+by|by|von|par|por|door|di|authors?|autor(?:in|en)?|auteur(?:e|s)?|autore|writers?|contributors?|verfasser(?:in)?|text|texte|redaktion|reporter)\s*:?$/i;
const AUTHOR_CLASS = /(?:^|[\s_-])(?:authors?|byline|autor(?:in)?|verfasser|writer|redakteur|author-?name|post-?author|entry-?author)(?:[\s_-]|$)/i;
const NOT_HERE = '[class*="comment" i], [id*="comment" i], nav, [role="navigation"]';
const AUTHOR_HREF = /\/(authors?|writers?|contributors?|people|staff|profile|autor(?:en|in)?|redaktion)\/[^/?#]+/i;
const MAX_ELEMENTS = 6000;

/** Lowercase words that belong inside names: "Ursula von der Leyen", "Vincent van Gogh", "Ana de la Cruz". */
const PARTICLES = /^(?:von|van|der|den|de|del|della|di|da|das|dos|du|la|le|ter|ten|zu|bin|ibn|al|el|y|e|and|und|&)$/;

/**
 * A person's (or a team's) name: 1-6 words, each starting with a capital except name particles,
 * each more than a stray letter unless it is an initial ("J.", "J.R.").
 */
export function isName(name: string): boolean {
  if (!NAME_LIKE.test(name)) return false;
  return name.split(' ').every((w) => PARTICLES.test(w) || (/^\p{Lu}/u.test(w) && (w.length >= 2 || /^\p{Lu}\.$/u.test(w))));
}

function nameLike(text: string): string | undefined {
  const t = squash(text).replace(/^(?:by|von|par|por|door)\s+/i, '');
  const cut = t.search(/[,|•·(]/);
  const name = (cut < 0 ? t : t.slice(0, cut)).trim();
  return name.length >= 3 && name.length <= 60 && isName(name) && !AUTHOR_LABEL.test(name) ? name : undefined;
}

/** Inside a comment thread, a menu, or the site's footer (a footer outside the article). */
function excluded(el: Element): boolean {
  if (el.closest(NOT_HERE)) return true;
  const footer = el.closest('footer');
  return !!footer && !footer.closest('article, main, [role="main"]');
}

function sameSite(a: Element, doc: Document): boolean {
  const href = a.getAttribute('href') ?? '';
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return true;
  try {
    return new URL(href, doc.baseURI).hostname.replace(/^www\./, '') === new URL(doc.baseURI).hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

function isAuthorLink(a: Element, doc: Document): boolean {
  if (/\bauthor\b/i.test(a.getAttribute('rel') ?? '')) return true;
  return AUTHOR_HREF.test(a.getAttribute('href') ?? '') && sameSite(a, doc);
}

/** The value of a label: the rest of its line, or the next line of its block. */
function valueAfter(label: Element): string | undefined {
  for (let el: Element | null = label; el; el = el.parentElement) {
    const next = el.nextElementSibling;
    if (next) return nameLike(linesOf(next)[0] ?? '');
    // The label's parent holds more than the label: the value is the text after it there.
    const parent = el.parentElement;
    if (!parent) return undefined;
    const lines = linesOf(parent);
    const i = lines.findIndex((l) => AUTHOR_LABEL.test(l));
    if (i >= 0 && lines[i + 1]) return nameLike(lines[i + 1]!);
    if (squash(parent.textContent) !== squash(label.textContent)) return undefined;
  }
  return undefined;
}

/** The name a card shows first (after a label, if it opens with one). */
function cardName(card: Element): string | undefined {
  const lines = linesOf(card, 60).slice(0, 4);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (AUTHOR_LABEL.test(line)) continue;
    const byLabel = /(?:^|\s)(?:by|von|par|por|door|autor(?:in)?:?|author:?|text:?)\s+(\p{Lu}.+)$/u.exec(line);
    return nameLike(byLabel ? byLabel[1]! : line);
  }
  return undefined;
}

/**
 * A name signed at the end of the article: its last block is nothing but a name (often set in
 * bold or italics), as news sites close a report.
 */
export function signedName(body: Element | undefined): string | undefined {
  if (!body) return undefined;
  const last = [...body.querySelectorAll('p, div')].filter((b) => !b.querySelector('p, div') && squash(b.textContent)).at(-1);
  if (!last) return undefined;
  const text = squash(last.textContent).replace(/^[-–—(]\s*|\s*[)]$/g, '');
  const name = nameLike(text);
  const n = name?.split(' ').length ?? 0;
  // Set apart as a signature: in italics (bold alone is how sites set their last call to action).
  return name && name === text && n >= 2 && n <= 3 && last.querySelector('i, em') ? name : undefined;
}

/** "© Jane Doe", "(c) Johannes Wolf • Impressum": the rights holder a personal site names in its footer. */
export function copyrightHolder(doc: Document, hosts: Set<string>): string | undefined {
  const footers = doc.querySelectorAll('footer, [class*="copyright" i], [id*="copyright" i]');
  for (let i = footers.length - 1; i >= 0 && i >= footers.length - 5; i--) {
    for (const line of linesOf(footers[i]!, 80)) {
      const m = /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,2})\s*(?:$|[•|,.·])/iu.exec(line);
      // Only a holder the site is named after: a personal site's owner ("Jane Doe" on janedoe.net).
      const key = m ? m[1]!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') : '';
      if (m && isName(m[1]!) && [...hosts].some((h) => h.length >= 5 && (key.includes(h) || h.includes(key)))) return m[1];
    }
  }
  return undefined;
}

/** Authors marked up as such: schema.org microdata, author links and their co-author links. */
export function markupAuthors(doc: Document): string[] {
  // schema.org microdata.
  for (const el of doc.querySelectorAll('[itemprop~="author"]')) {
    if (excluded(el)) continue;
    const named = el.querySelector('[itemprop="name"]');
    const name = named ? squash(named.getAttribute('content') ?? linesOf(named)[0]) : nameLike(linesOf(el)[0] ?? '');
    if (name && name.length <= 60) return [name];
  }
  // Author links: the first one is the byline's; links sharing its parent are co-authors.
  for (const a of doc.getElementsByTagName('a')) {
    if (!isAuthorLink(a, doc) || excluded(a)) continue;
    // The link's first line: an author link often holds the name and, set apart, a role or a date.
    const text = linesOf(a)[0] ?? '';
    if (!text || text.length > 60) continue;
    const coauthors = [...(a.parentElement?.getElementsByTagName('a') ?? [])].filter((b) => b !== a && isAuthorLink(b, doc));
    return [text, ...coauthors.map((b) => linesOf(b)[0] ?? '').filter((t) => t && t.length <= 60)];
  }
  return [];
}

/** The article's region: its <article> or main region, else the headline's surroundings. */
function articleRegion(doc: Document): Element | null {
  const h1 = doc.querySelector('article h1, main h1, [role="main"] h1, h1');
  const semantic = h1?.closest('article, main, [role="main"]') ?? doc.querySelector('article, main, [role="main"]');
  if (semantic) return semantic;
  let el: Element | null | undefined = h1;
  for (let i = 0; i < 4 && el?.parentElement && el.parentElement !== doc.body; i++) el = el.parentElement;
  return el ?? doc.body;
}

/**
 * Authors shown by the layout: a label and its value inside the article's region ("Autor:" then
 * the name), an author card anywhere (an element the page's markup calls the author's), and an
 * avatar whose alt text is the name shown beside it.
 */
export function cardAuthors(doc: Document): string[] {
  const region = articleRegion(doc);
  const all = doc.body?.getElementsByTagName('*') ?? [];
  let card: string | undefined;
  let avatar: string | undefined;
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    const tag = el.localName;
    if (tag === 'script' || tag === 'style') continue;
    // A label and its value: "Autor:" and the name after it.
    if (el.children.length === 0 && AUTHOR_LABEL.test(squash(el.textContent)) && region?.contains(el) && !excluded(el)) {
      const value = valueAfter(el);
      if (value) return [value];
    }
    if (!card && AUTHOR_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && !excluded(el)) card = cardName(el);
    // An avatar: an image (not a figure's) whose alt text is the name shown beside it.
    if (!avatar && tag === 'img' && !el.closest('figure') && !excluded(el)) {
      const alt = squash(el.getAttribute('alt')).replace(/^[^:]{1,30}:\s*/, '');
      if (alt && NAME_LIKE.test(alt) && alt.split(' ').length >= 2) {
        let box: Element | null = el.parentElement;
        for (let up = 0; up < 3 && box && squash(box.textContent).length <= 400; up++, box = box.parentElement) {
          if (linesOf(box, 60).some((l) => l === alt || l.endsWith(` ${alt}`))) {
            avatar = alt;
            break;
          }
        }
      }
    }
  }
  const found = card ?? avatar;
  return found ? [found] : [];
}
