/**
 * Locks the page's scrolling while the reader is open, hides it from print, and gives it back
 * exactly as it was. Both are done by one stylesheet that lives inside the overlay host (a
 * <style> child of the host is in the document, so it applies to the page) and leaves with it:
 * the page's own elements and attributes are never touched, so there is nothing to restore and
 * nothing for other scripts watching <html>/<body> styles to react to.
 */
export interface PageLock {
  /** The page-level stylesheet; the caller puts it inside the overlay host. */
  style: HTMLStyleElement;
  release(): void;
}

export const PAGE_CSS = '@media screen { html, body { overflow: hidden !important; } } '
  + '@media print { html > :not([data-reader-overlay]) { display: none !important; } '
  + 'html, body { overflow: visible !important; height: auto !important; } }';

export function lockPage(doc: Document): PageLock {
  const win = doc.defaultView;
  const x = win?.scrollX ?? 0;
  const y = win?.scrollY ?? 0;
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const style = doc.createElement('style');
  style.textContent = PAGE_CSS;
  return {
    style,
    release() {
      style.remove();
      win?.scrollTo(x, y);
      focused?.focus({ preventScroll: true });
    },
  };
}
