/**
 * What read-aloud reads: the article's text as paragraphs (the nearest block around each piece of
 * text), leaving out what does not read well aloud (code blocks, tables, captions) unless the user
 * asked for it, and what nobody sees (hidden elements, footnote markers). Pure DOM.
 */
import { indexText, type TextIndex } from '../text/text-index.ts';

/** Kinds of content skipped unless the user asks for them (true = skip). */
export interface SkipChoices {
  code: boolean;
  tables: boolean;
  captions: boolean;
}

/**
 * One run of text read as a unit: the text a block holds itself between nested blocks (most
 * blocks hold one run). `from`/`to` are offsets in the block's own text (see `ownText`).
 */
export interface Paragraph {
  element: Element;
  from: number;
  to: number;
  text: string;
}

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL']);
const NEVER = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'MATH', 'math', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
/** "[12]" and "12" in a superscript link: a footnote marker, noise when spoken. */
const FOOTNOTE = /^\s*\[?\s*[\d*†‡a-z]{1,3}\s*\]?\s*$/i;

function skipped(el: Element, skip: SkipChoices): boolean {
  const tag = el.tagName;
  if (NEVER.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (skip.code && tag === 'PRE') return true;
  if (skip.tables && tag === 'TABLE') return true;
  if (skip.captions && (tag === 'FIGCAPTION' || tag === 'CAPTION')) return true;
  return tag === 'SUP' && FOOTNOTE.test(el.textContent ?? '') && !!el.querySelector('a');
}

const isBlock = (el: Element) => BLOCKS.has(el.tagName);

/** The text nodes that belong to `block` itself (not to a block nested in it), and its runs. */
export function ownText(block: Element, skip: SkipChoices): { index: TextIndex; runs: [number, number][] } {
  const nodes: Text[] = [];
  const runs: [number, number][] = [];
  let length = 0;
  let runStart = 0;
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        nodes.push(child as Text);
        length += (child as Text).data.length;
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (skipped(el, skip)) continue;
        if (isBlock(el)) {
          if (length > runStart) runs.push([runStart, length]);
          runStart = length;
          continue;
        }
        walk(el);
      }
    }
  };
  walk(block);
  if (length > runStart) runs.push([runStart, length]);
  return { index: indexText(nodes), runs };
}

/** Every paragraph under `roots` with something to say, in reading order. */
export function collectParagraphs(roots: Element[], skip: SkipChoices): Paragraph[] {
  const found: (Paragraph & { first: Text })[] = [];
  const visit = (block: Element) => {
    const { index, runs } = ownText(block, skip);
    for (const [from, to] of runs) {
      const text = index.text.slice(from, to);
      if (!/\S/.test(text)) continue;
      let i = 0;
      while (index.starts[i + 1] !== undefined && index.starts[i + 1]! <= from) i++;
      found.push({ element: block, from, to, text, first: index.nodes[i]! });
    }
    const descend = (parent: Element) => {
      for (const child of parent.children) {
        if (skipped(child, skip)) continue;
        if (isBlock(child)) visit(child);
        else descend(child);
      }
    };
    descend(block);
  };
  for (const root of roots) visit(root);
  // A block's text can go on after a block nested in it: reading order is document order.
  found.sort((a, b) => (a.first === b.first ? 0 : a.first.compareDocumentPosition(b.first) & 4 ? -1 : 1));
  return found.map(({ element, from, to, text }) => ({ element, from, to, text }));
}
