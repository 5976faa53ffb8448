/**
 * Reading aids that follow the scroll and the pointer: the progress bar under the toolbar and
 * the focus line. Both are presentational (the bar also reports its value to assistive tech).
 */
export interface ReaderAids {
  progress: HTMLElement;
  focusLine: HTMLElement;
  /** Fraction read, 0..1. */
  fraction(): number;
  scrollToFraction(at: number): void;
  destroy(): void;
}

export function readerAids(doc: Document, host: HTMLElement, scroller: HTMLElement, label: string): ReaderAids {
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
  const onPointer = (event: PointerEvent) => host.style.setProperty('--focus-y', `${event.clientY}px`);
  scroller.addEventListener('scroll', onScroll, { passive: true });
  scroller.addEventListener('pointermove', onPointer, { passive: true });
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
    },
  };
}
