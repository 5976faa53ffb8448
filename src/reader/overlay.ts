/**
 * The overlay shell: one host element with an open shadow root, attached to the page, that
 * covers it, locks its scrolling and keeps keyboard focus inside until closed. It knows nothing
 * of articles; it shows whatever content node it is given.
 */
import css from './reader.css?inline';
import { lockPage } from './page-lock.ts';

export const OVERLAY_ATTR = 'data-reader-overlay';

const HOST_STYLE = [
  'all: initial', 'position: fixed', 'inset: 0', 'z-index: 2147483647', 'display: block',
  'width: 100vw', 'height: 100vh', 'margin: 0', 'padding: 0', 'border: 0', 'transform: none', 'filter: none',
].map((d) => `${d} !important`).join('; ');

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), summary, input, select, textarea';

export interface OverlayControls {
  onClose(): void;
  onFontStep(delta: -1 | 1): void;
}

export interface Overlay {
  host: HTMLElement;
  setContent(node: Node): void;
  destroy(): void;
}

function button(doc: Document, label: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', (e) => {
    if (e.isTrusted) onClick();
  });
  return b;
}

export function createOverlay(doc: Document, controls: OverlayControls): Overlay {
  const lock = lockPage(doc);
  const host = doc.createElement('div');
  host.setAttribute(OVERLAY_ATTR, '');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'open' });

  const style = doc.createElement('style');
  style.textContent = css;
  const scroller = doc.createElement('div');
  scroller.className = 'scroller';
  scroller.tabIndex = -1;
  scroller.setAttribute('role', 'dialog');
  scroller.setAttribute('aria-modal', 'true');
  scroller.setAttribute('aria-label', 'Reader view');

  const toolbar = doc.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Reader controls');
  toolbar.append(
    button(doc, 'Smaller text', 'A−', () => controls.onFontStep(-1)),
    button(doc, 'Larger text', 'A+', () => controls.onFontStep(1)),
    button(doc, 'Close reader (Esc)', '✕', () => controls.onClose()),
  );
  const page = doc.createElement('main');
  page.className = 'page';
  scroller.append(toolbar, page);
  root.append(style, scroller);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      controls.onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.getClientRects().length > 0);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = root.activeElement;
    if (event.shiftKey && (active === first || !active || active === scroller)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !active)) {
      event.preventDefault();
      first.focus();
    }
  };
  // Focus that escapes to the page (a page script, a click through) is brought back.
  const onFocusIn = (event: FocusEvent) => {
    if (event.target !== host) scroller.focus({ preventScroll: true });
  };
  // Window capture runs before any listener the page put on document, so Esc always reaches us.
  const win = doc.defaultView ?? window;
  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('focusin', onFocusIn, true);

  doc.documentElement.append(host);
  scroller.focus({ preventScroll: true });

  return {
    host,
    setContent(node) {
      page.replaceChildren(node);
      scroller.scrollTop = 0;
    },
    destroy() {
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('focusin', onFocusIn, true);
      host.remove();
      lock.release();
    },
  };
}
