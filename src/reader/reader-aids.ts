/**
 * Reading aids that follow the scroll and the pointer: the progress bar under the toolbar and
 * the focus line. Both are presentational (the bar also reports its value to assistive tech).
 * The focus line is fixed in the viewport, so scrolling with the keyboard moves the text under
 * it; it starts at a reading height (40% down), follows the pointer, and Alt+ArrowDown /
 * Alt+ArrowUp move it one line, scrolling the text by a line once it reaches the top or bottom.
 */

import { isTrusted } from './trusted.ts';

/** Where the focus line sits before the pointer or the keyboard moves it, as in reader.css. */
export const FOCUS_LINE_START = 0.4;
export interface ReaderAids {
  progress: HTMLElement;
  focusLine: HTMLElement;
  /** Fraction read, 0..1. */
  fraction(): number;
  scrollToFraction(at: number): void;
  destroy(): void;
}

/**
 * `obscuredTop`: where the text stops being covered by the reader's toolbar (viewport pixels); the
 * focus line never goes above it.
 */
export function readerAids(doc: Document, host: HTMLElement, scroller: HTMLElement, label: string, obscuredTop: () => number): ReaderAids {
  const progress = doc.createElement('div');
  progress.className = 'progress';
  progress.setAttribute('role', 'progressbar');
  progress.setAttribute('aria-label', label);
  progress.setAttribute('aria-valuemin', '0');
  progress.setAttribute('aria-valuemax', '100');
  progress.append(doc.createElement('div'));

  const focusLine = doc.createElement('div');
  focusLine.className = 'focus-line';
  focusLine.setAttribute('aria-hidden', 'true');

  const fraction = () => {
    const range = scroller.scrollHeight - scroller.clientHeight;
    return range > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / range)) : 0;
  };
  let frame = 0;
  const update = () => {
    frame = 0;
    const f = fraction();
    host.style.setProperty('--progress', f.toFixed(4));
    progress.setAttribute('aria-valuenow', String(Math.round(f * 100)));
  };
  const onScroll = () => {
    frame ||= requestAnimationFrame(update);
  };
  let focusY: number | undefined;
  const setFocusY = (y: number) => {
    focusY = y;
    host.style.setProperty('--focus-y', `${Math.round(y)}px`);
  };
  const onPointer = (event: PointerEvent) => {
    if (isTrusted(event)) setFocusY(event.clientY);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isTrusted(event)) return;
    const direction = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!direction || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (host.getAttribute('data-focus-line') !== 'on') return;
    event.preventDefault();
    const style = (doc.defaultView ?? window).getComputedStyle(scroller);
    const line = parseFloat(style.lineHeight) || (parseFloat(style.fontSize) || 19) * 1.6;
    const height = scroller.clientHeight;
    // Keep the band clear of the toolbar.
    const top = Math.min(height / 2, obscuredTop() + line / 2);
    const bottom = Math.max(top, height - line / 2);
    const next = (focusY ?? height * FOCUS_LINE_START) + direction * line;
    if (next > bottom || next < top) scroller.scrollBy({ top: direction * line });
    setFocusY(Math.min(bottom, Math.max(top, next)));
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  scroller.addEventListener('pointermove', onPointer, { passive: true });
  scroller.addEventListener('keydown', onKeyDown);
  update();

  return {
    progress,
    focusLine,
    fraction,
    scrollToFraction(at) {
      scroller.scrollTo({ top: at * (scroller.scrollHeight - scroller.clientHeight), behavior: 'instant' });
      update();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('pointermove', onPointer);
      scroller.removeEventListener('keydown', onKeyDown);
    },
  };
}
