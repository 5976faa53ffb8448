/**
 * Clean-up of Readability's output: what it lets through that a reader does not want (share
 * bars, newsletter boxes, prompt text, credit-only lines, the headline repeated), and what it
 * leaves broken. Runs on the extracted body inside the inert extraction document.
 */
import { EMBEDDED_CONTENT, selectorsFor } from '../suppress/rules.ts';
import { isShareLink } from '../suppress/share-links.ts';
import { TextSizes } from './text-sizes.ts';

// The live page's vendor share/follow rules apply in the reader too: one list, not two.
const VENDOR_SHARE = selectorsFor('shareButtons').join(',');

export interface CleanContext {
  title: string;
  byline?: string;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const CHROME_CLASS = /(^|[\s_-])(share|sharing|social|newsletter|subscribe|signup|sign-up|promo|related|read-?more|more-stories|recommended|outbrain|taboola|ad-?label|advert|sponsor|onesignal|push-?prompt|notification-?prompt|byline|author-?(box|bio)|tags?)([\s_-]|$)/i;
const PROMPT_TEXT = /\b(enable|allow|turn on|get)\b[^.]{0,40}\bnotifications?\b|\bclick '?ok'? then '?allow'?|\bsend you (some )?(reminders|notifications)\b/i;
const NEWSLETTER_TEXT = /\b(sign up|subscribe)\b[^.]{0,60}\b(newsletter|inbox|briefing|email)\b|\bnewsletter\b[^.]{0,40}\b(sign up|subscribe)\b/i;
const CREDIT_ONLY = /^(featured\s+)?(image|photo|picture|video)?\s*(credit|credits|source|©|\(c\))s?\s*:?\s*[\p{L}\p{N} .,&/'’-]{0,60}$/iu;
const SHARE_TEXT = /^(share( this( article| story)?)?|share on \w+|tweet|email|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|print)$/i;

const TRAILING_SECTION = /^(about the (author|authors|reviewer|writer)|about (me|us)|(recent|related|popular|trending|latest|more|similar) (articles|posts|stories|news|reads|topics|reading|content)|you (might|may) also (like|enjoy|be interested( in)?)|read (next|more|also)|more from( this author| the author)?|related|recommended( for you)?|further reading|leave a (reply|comment)|\d* ?comments?|share this( (article|post|story))?|tags|disclaimer)\s*[:.…]*$/i;

const BYLINE_WORDS = /\b(by|and|written|posted|published|updated|on|at|am|pm|utc|gmt|min(ute)?s?|read|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon|tue|wed|thu|fri|sat|sun)\b/g;

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A block is share chrome when its links all go to share endpoints or its text is share words. */
function isShareBlock(el: Element): boolean {
  const links = [...el.querySelectorAll('a[href]')];
  if (links.length === 0) return false;
  if (!links.every((a) => isShareLink(a.getAttribute('href') ?? ''))) return false;
  // Remaining text (outside the links) must be short: a paragraph that merely contains a share link stays.
  let other = textOf(el);
  for (const a of links) other = other.replace(textOf(a), '');
  return other.replace(/[\s|·•,:-]/g, '').length <= 30;
}

/** The widest ancestor (below root) that adds at most a short heading or button to `el`'s text. */
function surroundingBox(el: Element, root: Element, ownLength: number, sizes: TextSizes): Element {
  let box = el;
  for (let up = box.parentElement; up && up !== root; up = up.parentElement) {
    if (sizes.of(up) > ownLength + 60 || textOf(up).length > ownLength + 60) break;
    box = up;
  }
  return box;
}

function removeIf(root: Element, sizes: TextSizes, selector: string, predicate: (el: Element) => boolean): void {
  for (const el of [...root.querySelectorAll(selector)]) {
    // `contains`, not `isConnected`: Readability's output root is detached from any document.
    if (el !== root && root.contains(el) && predicate(el)) sizes.remove(el);
  }
}

export function cleanArticle(root: Element, ctx: CleanContext): void {
  const title = norm(ctx.title);
  const byline = norm(ctx.byline);
  const sizes = new TextSizes(root);

  // Share links alone, or blocks of them.
  removeIf(root, sizes, 'a[href]', (a) => {
    if (!isShareLink(a.getAttribute('href') ?? '')) return false;
    const text = textOf(a);
    return text.length <= 2 || SHARE_TEXT.test(text);
  });
  // A share bar is a few links; a block with more text than that is not one.
  removeIf(root, sizes, 'div, ul, ol, section, aside, p, span, nav', (el) => sizes.of(el) <= 1000 && isShareBlock(el));
  if (VENDOR_SHARE) removeIf(root, sizes, VENDOR_SHARE, (el) => !el.closest(EMBEDDED_CONTENT));

  // Blocks whose class/id says they are chrome and whose text is short enough not to be the article.
  removeIf(root, sizes, 'div, section, aside, ul, form', (el) => {
    const name = `${el.className} ${el.id}`;
    return CHROME_CLASS.test(name) && sizes.of(el) < 400 && textOf(el).length < 400 && !el.querySelector('img, picture, video, table, pre');
  });

  // Newsletter boxes and signup forms.
  removeIf(root, sizes, 'form', (el) => !!el.querySelector('input[type="email"], input[name*="mail" i]'));

  // Prompt text, newsletter pitches, credit-only and share-word lines: the line goes, and so does
  // the box around it when that box holds little else (its heading, its button).
  // Deepest first, so a wrapper is judged by what is left in it, not by the line it contains.
  for (const el of [...root.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, li')].reverse()) {
    const size = sizes.of(el);
    if (size === 0 || size > 200 || !root.contains(el) || el.querySelector('img, picture, video, table, pre')) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > 200) continue;
    if (PROMPT_TEXT.test(text) || NEWSLETTER_TEXT.test(text) || CREDIT_ONLY.test(text) || SHARE_TEXT.test(text)) {
      sizes.remove(surroundingBox(el, root, text.length, sizes));
    }
  }

  // Sections that follow the article under a heading of their own ("About the author", "Related
  // articles"): the heading goes with everything after it in its block.
  // Only at the end of the article: the same words mid-article ("Related: …") head real content.
  const total = textOf(root).length;
  for (const h of [...root.querySelectorAll('h2, h3, h4, h5, h6, strong, div, p')]) {
    if (sizes.of(h) > 60 || !root.contains(h) || h.children.length > 2) continue;
    const text = textOf(h);
    if (text.length > 60 || !TRAILING_SECTION.test(text)) continue;
    const following: Element[] = [];
    for (let next = h.nextElementSibling; next; next = next.nextElementSibling) following.push(next);
    const removed = following.reduce((n, el) => n + textOf(el).length, 0);
    if (removed > Math.min(3000, total * 0.25)) continue;
    for (const el of following) sizes.remove(el);
    sizes.remove(h);
  }

  // The byline block: the names with only a date, "By", "Published" and an avatar around them.
  if (ctx.byline) {
    const names = ctx.byline.split(/,\s*|\s+and\s+/).map(norm).filter(Boolean);
    const longest = ctx.byline.length * 3 + 80;
    removeIf(root, sizes, 'div, p, span, section, header, address', (el) => {
      if (sizes.of(el) > longest) return false;
      const text = norm(el.textContent);
      if (!text || text.length > longest || !names.some((n) => text.includes(n))) return false;
      if (el.querySelector('p p, figure, table, pre, video')) return false;
      let rest = text;
      for (const n of names) rest = rest.split(n).join(' ');
      rest = rest.replace(BYLINE_WORDS, ' ').replace(/[\p{P}\p{S}\d\s]+/gu, ' ').trim();
      return rest.length <= 12;
    });
  }

  // The headline and byline are rendered by the reader itself; drop their copies from the body.
  const copyLength = Math.max(title.length, byline.length + 3);
  removeIf(root, sizes, 'h1, h2, h3, p, div, span', (el) => {
    const size = sizes.of(el);
    if (size === 0 || size > copyLength) return false;
    const text = norm(el.textContent);
    if (!text || el.querySelector('img, picture, video, table, pre')) return false;
    if (text === title) return true;
    return byline.length > 0 && (text === byline || text.replace(byline, '').trim() === '' || text === `by ${byline}`);
  });

  // Wrappers left empty by the removals above.
  removeIf(root, sizes, 'div, section, span, p, ul, ol, li, figure, aside', (el) => sizes.of(el) === 0 && !el.querySelector('img, picture, video, iframe, svg, table, hr, br, canvas, object, embed, audio'));
}
