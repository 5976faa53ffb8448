/**
 * The check every hide passes first, vendor rule or heuristic: what is inside the box? A box that
 * holds the page's article, its main landmark, a headline, a date, an author link or prose is
 * content, however well its class name or its links match; hiding it would take what the reader
 * came for. Sites' markup is often broken (an unclosed share widget wraps the whole article), so
 * the check looks at what is inside, never at names.
 *
 * Two layers: CONTENT_CSS is what the vendor stylesheet can test by itself (`:not(:has(...))`),
 * so a wrapped article is never hidden even for a moment; `contentInside` is the finer check in
 * script (prose by word count, headings by their wording, dates in text).
 */
import { SHARE_LABEL } from './prompt-words.ts';

/**
 * Structural signs of content, usable inside `:has()` in the vendor stylesheet. A prompt may have
 * its own title and a paragraph or two; a share widget has neither.
 */
const CONTENT_ALWAYS = [
  'main', 'article', '[role="main"]', '[role="article"]', 'time', '[datetime]',
  '[rel~="author"]', '[itemprop~="author"]', '[itemprop~="datePublished"]', '[itemprop~="articleBody"]', 'p ~ p ~ p',
];
export const CONTENT_CSS: Record<'prompt' | 'share', string> = {
  prompt: CONTENT_ALWAYS.join(', '),
  share: [...CONTENT_ALWAYS, 'h1', 'h2', 'p ~ p'].join(', '),
};

const STRUCTURE = 'main, article, [role="main"], [role="article"], time, [datetime], [itemprop~="datePublished"], [itemprop~="dateModified"], [itemprop~="articleBody"], [itemprop~="author"], figure, picture, video, table, pre, blockquote:not(.twitter-tweet)';
const AUTHOR = 'a[rel~="author"], [class*="byline" i], [class*="author" i], [class*="contributor" i], a[href*="/author/" i], a[href*="/authors/" i], a[href*="/autor/" i], a[href*="/auteur/" i], a[href*="/autore/" i]';
/** A byline written out: "By Jo Lind", "Von Jo Lind", "Par …", "Por …", "Door …". */
const BYLINE_TEXT = /(?:^|[·|•,]\s*)(?:By|BY|by|Von|von|Par|par|Por|por|Di|Door|door|Av|Przez|przez|Yazan|Autor|Author|Text|Texte|Written by|Words by)\s*:?\s+\p{Lu}[\p{Ll}\p{Lu}'’-]+/u;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const NOT_TEXT = new Set(['A', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'SELECT', 'OPTION', 'LABEL']);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|avr|juil|sept|déc|ene|abr|ago|dic|gen|mag|giu|lug|set|ott|mei|maa)[\\p{L}]*\\.?';
/** A date or a time stamp written out: 12.03.2024, 2024-03-12, March 12, 2024, 12 März 2024, 3 hours ago. */
export const DATE_TEXT = new RegExp([
  '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b',
  '\\b\\d{4}-\\d{2}-\\d{2}\\b',
  `(?<![\\p{L}])${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`,
  `\\b\\d{1,2}(?:st|nd|rd|th|\\.)? ${MONTH},? \\d{4}\\b`,
  '\\b\\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago\\b',
  '\\bvor \\d+ (?:sekunden|minuten|stunden|tagen|wochen)\\b',
  '\\bil y a \\d+ (?:minutes?|heures?|jours?)\\b',
  '\\bhace \\d+ (?:minutos?|horas?|días?)\\b',
].join('|'), 'iu');

export type Allowance = 'prompt' | 'share';

/** The words of text directly in `el`, outside links, buttons and labels (what a reader reads as prose). */
export function proseWords(el: Element | ShadowRoot): { words: number; longestBlock: number; text: string; blocks: string[] } {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let words = 0;
  let longestBlock = 0;
  let block: Element | null = null;
  let blockWords = 0;
  let text = '';
  const blocks: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let parent = n.parentElement;
    let skip = false;
    for (let a = parent; a && a !== (el as Element).parentElement; a = a.parentElement) {
      if (NOT_TEXT.has(a.tagName) || a.getAttribute('role') === 'button' || a.getAttribute('aria-hidden') === 'true') { skip = true; break; }
    }
    if (skip) continue;
    const data = (n as Text).data;
    const count = data.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (!count) continue;
    // Text in the same element is one block; CJK text has no spaces, so its length counts instead.
    const cjk = (data.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length;
    const amount = count + Math.floor(cjk / 2);
    while (parent && /^(SPAN|B|I|EM|STRONG|SMALL|MARK|ABBR|CITE|Q|SUB|SUP|U|S|BR|WBR|FONT)$/.test(parent.tagName)) parent = parent.parentElement;
    if (parent !== block) {
      block = parent;
      blockWords = 0;
      blocks.push('');
    }
    if (blocks[blocks.length - 1]!.length < 300) blocks[blocks.length - 1] += data.trim() + ' ';
    blockWords += amount;
    longestBlock = Math.max(longestBlock, blockWords);
    words += amount;
    if (text.length < 2000) text += ` ${data}`;
  }
  return { words, longestBlock, text, blocks: blocks.map((b) => b.trim()) };
}

/**
 * Why hiding `el` would take content with it, or '' when it would not. A prompt may carry its
 * own request in prose (a sentence or two); a share bar carries next to none.
 */
export function contentInside(el: Element | ShadowRoot, allowance: Allowance): string {
  const self = el.nodeType === 1 ? (el as Element) : null;
  if (self?.matches(STRUCTURE) || el.querySelector(STRUCTURE)) return 'article structure';
  if (self?.matches(AUTHOR) || el.querySelector(AUTHOR)) return 'author';
  if (allowance === 'share' && (self?.matches('h1') || el.querySelector('h1'))) return 'headline';
  for (const heading of el.querySelectorAll(HEADINGS)) {
    const words = (heading.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;
    // "Share this:", "Teilen" and a prompt's own title are no headline; a headline is longer or says something else.
    if (words > 6 || (allowance === 'share' && !SHARE_LABEL.test(heading.textContent ?? ''))) return 'heading';
  }
  const prose = proseWords(el);
  if (DATE_TEXT.test(prose.text)) return 'date';
  if (prose.blocks.some((b) => BYLINE_TEXT.test(b))) return 'byline';
  const [most, longest] = allowance === 'prompt' ? [90, 60] : [16, 12];
  if (prose.words > most || prose.longestBlock > longest) return 'prose';
  return '';
}
