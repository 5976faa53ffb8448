/**
 * Clean-up of the extracted body: what Readability lets through that a reader does not want
 * (share chrome, signup boxes, prompt text, credit-only lines, sections after the article, meta
 * lines before it, the headline and byline repeated, placeholder images, caption controls, edit
 * links), and what it leaves broken. Runs on the body inside the inert extraction document. Each
 * pass is a named rule (rules.ts) the benchmark can switch off.
 */
import { TextSizes } from './text-sizes.ts';
import { removeShareChrome } from './clean-share.ts';
import { isCardList, removeTrailingSections } from './trailing-sections.ts';
import { trimLeadingMeta } from './leading-meta.ts';
import { removeCaptionControls, removeEditLinks, removePlaceholderImages } from './clean-media.ts';
import { DATE, linkDensity, textOf } from './dom-text.ts';
import { ALL_RULES, type Rules } from './rules.ts';

export interface CleanContext {
  title: string;
  byline?: string;
  /** The page's address (and its canonical one), to recognise links that share it. */
  base: URL;
  addressKeys?: string[];
  /** ISO date the page states, to drop a date line that repeats it. */
  published?: string;
  rules?: Rules;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

const CHROME_CLASS = /(^|[\s_-])(share|sharing|social|newsletter|subscribe|signup|sign-up|promo|related|read-?more|more-stories|recommended|outbrain|taboola|ad-?label|advert|sponsor|onesignal|push-?prompt|notification-?prompt|byline|author-?(box|bio)|tags?)([\s_-]|$)/i;
const PROMPT_TEXT = /\b(enable|allow|turn on|get)\b[^.]{0,40}\bnotifications?\b|\bclick '?ok'? then '?allow'?|\bsend you (some )?(reminders|notifications)\b/i;
const NEWSLETTER_TEXT = /\b(sign up|subscribe)\b[^.]{0,60}\b(newsletter|inbox|briefing|email)\b|\bnewsletter\b[^.]{0,40}\b(sign up|subscribe)\b|\bnewsletter\b[^.]{0,40}\b(abonnieren|anmelden)\b|\b(abonnieren|abonnez|suscríbete|iscriviti)\b[^.]{0,40}\bnewsletter\b/i;
/** "Image credit: NASA", "Source: AP", "© Reuters": a credit, and nothing else (a source is one only beside an image). */
const CREDIT_ONLY = /^(featured\s+)?(image|photo|picture|video|foto|bild|fotos?)?\s*(credit|credits|source|quelle|©|\(c\))\s*:?\s*[\p{L}\p{N} .,&/'’-]{0,60}$/iu;
/** "Foto: GdP/Hagen Immel", "Photo by Jane Doe", "Crédits photos : Bestimage", "(Bild: dpa)": a picture credit, wherever it ended up. */
const PICTURE_CREDIT = /^\(?(?:(?:featured\s+|header|title|titel)?(?:image|photo|photograph|picture|pic|foto|fotos|bild|bilder|titelbild|crédits? photos?|photo credits?|image credits?|video|grafik|illustration)|©|\(c\)|copyright)\s*(?::|by|von|©|\|)\s*[^.!?]{2,80}\)?$/iu;

/** An ad slot's label left without its ad ("Advertisement - Continue Reading Below", "Anzeige"). */
const AD_LABEL = /^(?:advertisements?|anzeige|werbung|publicidad|publicité|pubblicità|sponsored|gesponsert)(?:\s*[-–—:|]\s*[^.!?]{0,40})?$/i;

const BYLINE_WORDS = /\b(by|and|von|und|par|et|por|y|di|door|written|posted|published|updated|on|at|am|pm|utc|gmt|min(ute)?s?|read|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon|tue|wed|thu|fri|sat|sun)\b/g;

/** The widest ancestor (below root) that adds at most a short heading or button to `el`'s text. */
function surroundingBox(el: Element, root: Element, ownLength: number, sizes: TextSizes): Element {
  let box = el;
  for (let up = box.parentElement; up && up !== root; up = up.parentElement) {
    if (sizes.of(up) > ownLength + 60 || textOf(up).length > ownLength + 60) break;
    box = up;
  }
  return box;
}

/** Next to an image: inside a figure or caption, or right after an image or figure. */
function besideMedia(el: Element): boolean {
  if (el.closest('figure, figcaption, picture')) return true;
  const prev = el.previousElementSibling;
  return !!prev && (/^(img|figure|picture)$/.test(prev.localName) || (!!prev.querySelector('img, picture') && textOf(prev).length === 0));
}

export function cleanArticle(root: Element, ctx: CleanContext): void {
  const rules = ctx.rules ?? ALL_RULES;
  const title = norm(ctx.title);
  const byline = norm(ctx.byline);
  const sizes = new TextSizes(root);
  const removeIf = (selector: string, predicate: (el: Element) => boolean) => {
    for (const el of [...root.querySelectorAll(selector)]) {
      // `contains`, not `isConnected`: Readability's output root is detached from any document.
      if (el !== root && root.contains(el) && predicate(el)) sizes.remove(el);
    }
  };

  if (rules.on('share-links')) removeShareChrome(root, sizes, ctx.base, ctx.addressKeys ?? [], removeIf);

  // Blocks whose class/id says they are chrome and whose text is short enough not to be the article.
  if (rules.on('chrome-blocks')) {
    removeIf('div, section, aside, ul, form', (el) => {
      const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
      return CHROME_CLASS.test(name) && sizes.of(el) < 400 && textOf(el).length < 400 && !el.querySelector('img, picture, video, table, pre');
    });
  }

  // Newsletter boxes and signup forms.
  if (rules.on('signup-forms')) removeIf('form', (el) => !!el.querySelector('input[type="email"], input[name*="mail" i]'));

  // Prompt text, newsletter pitches and credit-only lines: the line goes, and so does the box around
  // it when that box holds little else (its heading, its button). Deepest first, so a wrapper is
  // judged by what is left in it, not by the line it contains. A newsletter pitch is only one in a
  // short box or next to its button or form; a paragraph that mentions a newsletter is prose.
  // A credit is only a credit beside an image ("Sources:" under a text is content).
  const prompts = rules.on('prompt-lines');
  const credits = rules.on('credit-lines');
  if (prompts || credits) {
    for (const el of [...root.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, li, figcaption, small')].reverse()) {
      const size = sizes.of(el);
      if (size === 0 || size > 200 || !root.contains(el) || el.querySelector('img, picture, video, table, pre')) continue;
      const text = textOf(el);
      if (text.length === 0 || text.length > 200) continue;
      const isPrompt = prompts && (PROMPT_TEXT.test(text) || (text.length <= 60 && AD_LABEL.test(text)) || (NEWSLETTER_TEXT.test(text) && (text.length <= 100 || !!el.parentElement?.querySelector('form, input, button, a[href]'))));
      const isCredit = credits && ((CREDIT_ONLY.test(text) && besideMedia(el)) || PICTURE_CREDIT.test(text));
      if (isPrompt) sizes.remove(surroundingBox(el, root, text.length, sizes));
      else if (isCredit) sizes.remove(el);
    }
  }

  if (rules.on('trailing-sections')) removeTrailingSections(root, sizes);

  // An over-broad root (a whole <main>, a page section) brings teaser cards along: repeated blocks
  // of the same shape, each a link with an image or a heading, go wherever they are, as long as
  // each group is a minor part of the body. Plain link lists stay: a list of the companies or
  // sources an article names is content.
  if (rules.on('prune-broad-root')) {
    const total = sizes.of(root);
    for (const el of [...root.querySelectorAll('ul, ol, div, section')].reverse()) {
      if (!root.contains(el) || el.children.length < 3) continue;
      const size = sizes.of(el);
      if (size === 0 || size > total * 0.3) continue;
      if (isCardList([el])) sizes.remove(el);
    }
  }

  // A teaser for another article set among the paragraphs ("SEE ALSO: <headline>", "Lesen Sie
  // auch: <headline>"): a short block that is nearly all one link. Link lists stay (an article's
  // list of sources is content); a sentence with a link in it stays.
  if (rules.on('teaser-links')) {
    removeIf('p, div', (el) => {
      const size = sizes.of(el);
      if (size === 0 || size > 200 || el.querySelector('p, div, li, img, picture, video, table')) return false;
      const links = el.querySelectorAll('a[href]');
      if (links.length !== 1) return false;
      const text = textOf(el);
      // A headline's worth of words in the link: "Amazon (Black & Decker)" in a buying guide is content.
      return text.length <= 200 && linkDensity(el, text.length) >= 0.7 && textOf(links[0]!).split(' ').length >= 5;
    });
  }

  // The byline block: the names with only a date, "By", "Published" and an avatar around them.
  if (ctx.byline && rules.on('byline-block')) {
    const names = ctx.byline.split(/,\s*|\s+and\s+/).map(norm).filter(Boolean);
    const longest = ctx.byline.length * 3 + 80;
    removeIf('div, p, span, section, header, address', (el) => {
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

  if (rules.on('leading-meta')) trimLeadingMeta(root, sizes, ctx.byline);

  // The headline and byline are rendered by the reader itself; drop their copies from the body.
  if (rules.on('headline-copy')) {
    const copyLength = Math.max(title.length, byline.length + 3);
    removeIf('h1, h2, h3, p, div, span', (el) => {
      const size = sizes.of(el);
      if (size === 0 || size > copyLength) return false;
      const text = norm(el.textContent);
      if (!text || el.querySelector('img, picture, video, table, pre')) return false;
      if (text === title) return true;
      return byline.length > 0 && (text === byline || text.replace(byline, '').trim() === '' || text === `by ${byline}`);
    });
  }

  // The page's date repeated as the body's first line.
  if (ctx.published && rules.on('duplicate-dek-date')) removeRepeatedDate(root, sizes, ctx.published);

  if (rules.on('placeholder-images')) removePlaceholderImages(root, sizes);
  if (rules.on('caption-controls')) removeCaptionControls(root, sizes);
  if (rules.on('edit-links')) removeEditLinks(root, sizes);

  // Wrappers left empty by the removals above. Inline wrappers inside code and preformatted text
  // hold its spacing ("<span> </span>" between highlighted tokens) and stay.
  if (rules.on('empty-wrappers')) {
    removeIf('div, section, span, p, ul, ol, li, figure, aside', (el) => {
      if (sizes.of(el) !== 0 || el.querySelector('img, picture, video, iframe, svg, table, hr, br, canvas, object, embed, audio')) return false;
      return !el.closest('pre, code');
    });
  }
}

/** The first short line of the body, when it is only the page's publication date (in any written form). */
function removeRepeatedDate(root: Element, sizes: TextSizes, published: string): void {
  const year = published.slice(0, 4);
  for (const el of root.querySelectorAll('p, div, time, span, li')) {
    if (sizes.of(el) === 0) continue;
    if (el.querySelector('p, div, li') && el.localName !== 'time') continue;
    const text = textOf(el);
    if (!text) continue;
    if (text.length <= 60 && text.includes(year) && DATE.test(text) && text.replace(DATE, '').replace(/[\p{P}\s\d:]/gu, '').length <= 12) sizes.remove(el);
    return;
  }
}
