/**
 * Locks the page's scrolling while the reader is open and gives it back exactly as it was: the
 * same style attributes (or their absence) and the same scroll position.
 */
export interface PageLock {
  release(): void;
}

export function lockPage(doc: Document): PageLock {
  const win = doc.defaultView;
  const x = win?.scrollX ?? 0;
  const y = win?.scrollY ?? 0;
  const targets = [doc.documentElement, doc.body].filter((el): el is HTMLElement => !!el);
  const saved = targets.map((el) => ({ el, style: el.getAttribute('style') }));
  for (const el of targets) el.style.setProperty('overflow', 'hidden', 'important');
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  return {
    release() {
      for (const { el, style } of saved) {
        if (style === null) el.removeAttribute('style');
        else el.setAttribute('style', style);
      }
      win?.scrollTo(x, y);
      focused?.focus({ preventScroll: true });
    },
  };
}
