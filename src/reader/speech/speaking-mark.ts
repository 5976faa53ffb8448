/**
 * Shows what is being read: the sentence is wrapped in one element carrying data-reader-speaking
 * (the automation contract: exactly one, gone when reading stops), the word inside it, where the
 * engine reports words, in one carrying data-reader-speaking-word. The sentence is kept in view,
 * scrolled smoothly unless the user asked for reduced motion.
 */
import { rangeFor } from '../text/text-index.ts';
import { wrapRange } from '../text/wrap-range.ts';
import { ownText, type Paragraph, type SkipChoices } from './readable-text.ts';

export const SPEAKING_ATTR = 'data-reader-speaking';
export const SPEAKING_WORD_ATTR = 'data-reader-speaking-word';

export interface SpeakingMark {
  /** Marks [start, end) of the paragraph (offsets in its own text); undefined clears the mark. */
  sentence(paragraph: Paragraph | undefined, start?: number, end?: number): HTMLElement | undefined;
  word(paragraph: Paragraph | undefined, start?: number, end?: number): void;
  clear(): void;
}

export function speakingMark(doc: Document, skip: () => SkipChoices): SpeakingMark {
  let undoSentence: (() => void) | undefined;
  let undoWord: (() => void) | undefined;
  const clearWord = () => {
    undoWord?.();
    undoWord = undefined;
  };
  const clear = () => {
    clearWord();
    undoSentence?.();
    undoSentence = undefined;
  };
  const wrap = (paragraph: Paragraph, start: number, end: number, attr: string) => {
    const range = rangeFor(ownText(paragraph.element, skip()).index, start, end);
    if (!range || range.collapsed) return undefined;
    const el = doc.createElement('span');
    el.setAttribute(attr, '');
    return { el, undo: wrapRange(range, el) };
  };
  return {
    sentence(paragraph, start = 0, end = 0) {
      clear();
      if (!paragraph) return undefined;
      const done = wrap(paragraph, start, end, SPEAKING_ATTR);
      undoSentence = done?.undo;
      return done?.el;
    },
    word(paragraph, start = 0, end = 0) {
      clearWord();
      if (!paragraph || !undoSentence) return;
      undoWord = wrap(paragraph, start, end, SPEAKING_WORD_ATTR)?.undo;
    },
    clear,
  };
}

/**
 * Scrolls `el` into the band below the sticky toolbar when it has left it, placing it a third
 * of the way down so the next lines show too.
 */
export function keepInView(el: Element, scroller: HTMLElement, obscuredTop: number): void {
  const win = el.ownerDocument.defaultView;
  const rect = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const top = Math.max(view.top, obscuredTop) + 8;
  const bottom = (view.bottom || win?.innerHeight || 0) - 16;
  if (rect.top >= top && rect.bottom <= bottom) return;
  const reduced = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  scroller.scrollBy({ top: rect.top - (top + (bottom - top) / 3), behavior: reduced ? 'instant' : 'smooth' });
}
