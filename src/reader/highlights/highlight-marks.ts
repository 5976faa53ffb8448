/**
 * Highlights drawn as <mark data-reader-highlight="id"> elements (the automation contract), one
 * per text node the highlight covers, so a highlight across a link or two paragraphs stays valid
 * HTML. The note is the mark's title. Removing a highlight unwraps its marks and joins the text
 * back. Pure DOM.
 */
import type { HighlightColor } from '../../settings/schema.ts';
import { indexText, textNodesUnder } from '../text/text-index.ts';

export const HIGHLIGHT_ATTR = 'data-reader-highlight';

export interface MarkSpec {
  id: string;
  start: number;
  end: number;
  color: HighlightColor;
  note: string;
}

/** Parents in which a white-space node is layout, not text: wrapping it would put a mark where none may go. */
const NO_TEXT_PARENTS = /^(UL|OL|DL|TABLE|THEAD|TBODY|TFOOT|TR|COLGROUP|SELECT|PICTURE|FIGURE|DETAILS)$/;

export function marksOf(body: Element, id: string): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>(`mark[${HIGHLIGHT_ATTR}]`)].filter((m) => m.getAttribute(HIGHLIGHT_ATTR) === id);
}

export function describeMark(mark: Element, spec: Pick<MarkSpec, 'color' | 'note'>): void {
  mark.setAttribute('data-color', spec.color);
  if (spec.note) mark.setAttribute('title', spec.note);
  else mark.removeAttribute('title');
}

/** Wraps [start, end) of the body's text in marks; returns them (none when the range is empty). */
export function drawHighlight(body: Element, spec: MarkSpec): HTMLElement[] {
  const doc = body.ownerDocument;
  const index = indexText(textNodesUnder(body));
  const marks: HTMLElement[] = [];
  index.nodes.forEach((node, i) => {
    const from = index.starts[i]!;
    const to = from + node.data.length;
    if (to <= spec.start || from >= spec.end || !node.parentElement) return;
    if (!node.data.trim() && NO_TEXT_PARENTS.test(node.parentElement.tagName)) return;
    let target = node;
    if (spec.start > from) target = target.splitText(spec.start - from);
    if (spec.end < to) target.splitText(spec.end - Math.max(from, spec.start));
    const mark = doc.createElement('mark');
    mark.setAttribute(HIGHLIGHT_ATTR, spec.id);
    mark.tabIndex = -1;
    describeMark(mark, spec);
    target.replaceWith(mark);
    mark.append(target);
    marks.push(mark);
  });
  return marks;
}

export function eraseHighlight(body: Element, id: string): void {
  for (const mark of marksOf(body, id)) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
