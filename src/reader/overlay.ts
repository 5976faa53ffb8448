/**
 * The overlay shell: one host element with an open shadow root, attached to the page, that
 * covers it, locks its scrolling and keeps keyboard focus inside until closed. It knows nothing
 * of articles; it shows whatever it is given, with the toolbar, the progress bar, the focus line
 * and a status line for short messages. Reader features (read aloud, highlights) get their
 * places in it through `featureSlots` (see feature-host.ts).
 *
 * It listens to the page's window for keys (Esc, +/−, Tab), so it only acts on the user's own
 * key presses (a page's synthetic keydown must not close the reader or change the text size), and
 * it watches its own host: if the page removes or moves it, the reader closes itself cleanly.
 */
import css from './reader.css?inline';
import { watchHost } from './host-watch.ts';
import { lockPage } from './page-lock.ts';
import { readerAids } from './reader-aids.ts';
import { t, type UiLocale } from './strings.ts';
import { createToolbar, type Toolbar, type ToolbarAction, type ToolbarSlot } from './toolbar.ts';
import { isTrusted } from './trusted.ts';

export const OVERLAY_ATTR = 'data-reader-overlay';

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), summary, input:not([disabled]), select, textarea';

export interface OverlayControls {
  onAction(action: ToolbarAction): void;
  onFontStep(delta: -1 | 1): void;
  /** The page removed or moved the host: the reader is gone and must clean up. */
  onLost(): void;
}

export type OverlayState = 'loading' | 'article' | 'error';

export interface Overlay {
  host: HTMLElement;
  scroller: HTMLElement;
  toolbar: Toolbar;
  /** The y (in the viewport) where the text is no longer under the toolbar. */
  textTop(): number;
  setState(state: OverlayState): void;
  setContent(node: Node): void;
  /** Fraction of the article scrolled past, 0..1. */
  position(): number;
  scrollToFraction(fraction: number): void;
  announce(message: string): void;
  onScrollEnd(listener: () => void): void;
  /** Places and keys for one reader feature, in the toolbar slot named: see feature-host.ts. */
  featureSlots(slot: ToolbarSlot): OverlayFeatureSlots;
  destroy(): void;
}

export interface OverlayFeatureSlots {
  root: ShadowRoot;
  scroller: HTMLElement;
  /** The feature's place in the toolbar's row. */
  controls: HTMLElement;
  /** The full-width row under the toolbar's buttons where features open their panels. */
  panels: HTMLElement;
  /** A More-menu item standing in for the feature's control on a phone. */
  overflowItem(label: string, onSelect: () => void): HTMLButtonElement;
  /** Where focus goes back to when the feature's control is in the menu. */
  menuButton: HTMLElement;
  obscuredTop(): number;
  /** Runs before the overlay's own keys; true = used. Only trusted events reach it. */
  onKey(handler: (event: KeyboardEvent) => boolean): () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function createOverlay(doc: Document, locale: UiLocale, controls: OverlayControls): Overlay {
  const win = doc.defaultView ?? window;
  const lock = lockPage(doc);
  const host = doc.createElement('div');
  host.setAttribute(OVERLAY_ATTR, '');
  host.setAttribute('data-state', 'loading');
  host.append(lock.style);
  const root = host.attachShadow({ mode: 'open' });

  const style = doc.createElement('style');
  style.textContent = css;
  const scroller = doc.createElement('div');
  scroller.className = 'scroller';
  scroller.tabIndex = -1;
  scroller.setAttribute('role', 'dialog');
  scroller.setAttribute('aria-modal', 'true');
  scroller.setAttribute('aria-label', t('readerView'));
  scroller.lang = locale.lang;
  scroller.dir = locale.dir;

  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const toolbar = createToolbar(doc, locale, (action) => controls.onAction(action));
  const aids = readerAids(doc, host, scroller, t('progress'), () => toolbar.obscuredBottom());
  // Not <main>: the page under the overlay usually has its own, and a document has one.
  const page = doc.createElement('div');
  page.className = 'page';
  const column = doc.createElement('div');
  column.className = 'column';
  page.append(column);
  scroller.append(status, toolbar.element, aids.progress, page, aids.focusLine);
  root.append(style, scroller);
  toolbar.follow(scroller);

  const featureKeys = new Set<(event: KeyboardEvent) => boolean>();
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isTrusted(event)) return;
    if ([...featureKeys].some((handler) => handler(event))) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (!toolbar.popovers.closeOpen()) controls.onAction('close');
      return;
    }
    if ((event.key === '+' || event.key === '=' || event.key === '-') && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.composedPath()[0] ?? null)) {
      event.preventDefault();
      event.stopPropagation();
      controls.onFontStep(event.key === '-' ? -1 : 1);
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
  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('focusin', onFocusIn, true);

  doc.documentElement.append(host);
  scroller.focus({ preventScroll: true });
  const unwatch = watchHost(host, () => controls.onLost());

  let statusTimer = 0;
  let scrollTimer = 0;
  const scrollListeners: (() => void)[] = [];
  const onScroll = () => {
    clearTimeout(scrollTimer);
    scrollTimer = win.setTimeout(() => scrollListeners.forEach((l) => l()), 400);
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });

  return {
    host,
    scroller,
    toolbar,
    textTop: () => toolbar.obscuredBottom(),
    setState(state) {
      host.setAttribute('data-state', state);
      page.setAttribute('aria-busy', String(state === 'loading'));
    },
    setContent(node) {
      column.replaceChildren(node);
      scroller.scrollTop = 0;
    },
    position: () => aids.fraction(),
    scrollToFraction: (fraction) => aids.scrollToFraction(fraction),
    announce(message) {
      status.textContent = message;
      clearTimeout(statusTimer);
      statusTimer = win.setTimeout(() => { status.textContent = ''; }, 4000);
    },
    onScrollEnd: (listener) => void scrollListeners.push(listener),
    featureSlots: (slot) => ({
      root, scroller,
      controls: toolbar.slot(slot),
      panels: toolbar.panels,
      overflowItem: (label, onSelect) => toolbar.overflowItem(slot, label, onSelect),
      menuButton: toolbar.moreButton,
      obscuredTop: () => toolbar.obscuredBottom(),
      onKey: (handler) => (featureKeys.add(handler), () => featureKeys.delete(handler)),
    }),
    destroy() {
      unwatch();
      featureKeys.clear();
      clearTimeout(statusTimer);
      clearTimeout(scrollTimer);
      scroller.removeEventListener('scroll', onScroll);
      toolbar.destroy();
      aids.destroy();
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('focusin', onFocusIn, true);
      host.remove();
      lock.release();
    },
  };
}
