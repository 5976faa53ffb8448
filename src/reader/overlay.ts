/**
 * The overlay shell: one host element with an open shadow root, attached to the page, that
 * covers it, locks its scrolling and keeps keyboard focus inside until closed. It knows nothing
 * of articles; it shows whatever content node it is given.
 */
import css from './reader.css?inline';
import { lockPage } from './page-lock.ts';
import { readerAids } from './reader-aids.ts';
import { t, type ReaderString } from './strings.ts';

export const OVERLAY_ATTR = 'data-reader-overlay';

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), summary, input, select, textarea';

export type ExportKind = 'copy-markdown' | 'save-markdown' | 'save-html';

export interface OverlayControls {
  onClose(): void;
  onFontStep(delta: -1 | 1): void;
  onExport(kind: ExportKind): void;
}

export interface Overlay {
  host: HTMLElement;
  setContent(node: Node): void;
  /** Fraction of the article scrolled past, 0..1. */
  position(): number;
  scrollTo(fraction: number): void;
  announce(message: string): void;
  onScrollEnd(listener: () => void): void;
  /** Places and keys for reader features (read aloud, highlights): see feature-host.ts. */
  features: OverlayFeatureSlots;
  destroy(): void;
}

export interface OverlayFeatureSlots {
  root: ShadowRoot;
  scroller: HTMLElement;
  /** A toolbar group for a feature's buttons (a new one per call). */
  controls(): HTMLElement;
  /** The full-width row under the toolbar buttons where features open their panels. */
  panels: HTMLElement;
  obscuredTop(): number;
  /** Runs before the overlay's own keys; true = used. Only trusted events reach it. */
  onKey(handler: (event: KeyboardEvent) => boolean): () => void;
}

/** A toolbar button: a short visible glyph, the full words for screen readers and as a tooltip. */
function button(doc: Document, label: ReaderString, text: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  const glyph = doc.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = text;
  const words = doc.createElement('span');
  words.className = 'sr-only';
  words.textContent = t(label);
  b.append(glyph, words);
  b.title = t(label);
  b.addEventListener('click', (e) => {
    if (e.isTrusted) onClick();
  });
  return b;
}

function group(doc: Document, ...buttons: HTMLElement[]): HTMLElement {
  const g = doc.createElement('div');
  g.className = 'group';
  g.append(...buttons);
  return g;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function createOverlay(doc: Document, controls: OverlayControls): Overlay {
  const lock = lockPage(doc);
  const host = doc.createElement('div');
  host.setAttribute(OVERLAY_ATTR, '');
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
  const aids = readerAids(doc, host, scroller, t('progress'));

  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const win = doc.defaultView ?? window;
  const closeGroup = group(doc, button(doc, 'close', '✕', () => controls.onClose()));
  const toolbar = doc.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('readerControls'));
  toolbar.append(
    status,
    group(doc, button(doc, 'smallerText', 'A−', () => controls.onFontStep(-1)), button(doc, 'largerText', 'A+', () => controls.onFontStep(1))),
    group(doc,
      button(doc, 'copyMarkdown', 'Copy MD', () => controls.onExport('copy-markdown')),
      button(doc, 'saveMarkdown', '↓ MD', () => controls.onExport('save-markdown')),
      button(doc, 'saveHtml', '↓ HTML', () => controls.onExport('save-html')),
      button(doc, 'print', 'Print', () => win.print())),
    closeGroup,
    aids.progress,
  );
  const featureKeys = new Set<(event: KeyboardEvent) => boolean>();
  const panels = doc.createElement('div');
  panels.className = 'feature-panels';
  closeGroup.after(panels);
  const page = doc.createElement('div');
  page.className = 'page';
  scroller.append(toolbar, page, aids.focusLine);
  root.append(style, scroller);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isTrusted && [...featureKeys].some((handler) => handler(event))) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      controls.onClose();
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
    setContent(node) {
      page.replaceChildren(node);
      scroller.scrollTop = 0;
    },
    position: () => aids.fraction(),
    scrollTo: (fraction) => aids.scrollToFraction(fraction),
    announce(message) {
      status.textContent = message;
      clearTimeout(statusTimer);
      statusTimer = win.setTimeout(() => { status.textContent = ''; }, 4000);
    },
    onScrollEnd: (listener) => void scrollListeners.push(listener),
    features: {
      root, scroller, panels,
      controls: () => closeGroup.insertAdjacentElement('beforebegin', group(doc)) as HTMLElement,
      obscuredTop: () => toolbar.getBoundingClientRect().bottom,
      onKey: (handler) => (featureKeys.add(handler), () => featureKeys.delete(handler)),
    },
    destroy() {
      clearTimeout(statusTimer);
      clearTimeout(scrollTimer);
      aids.destroy();
      win.removeEventListener('keydown', onKeyDown, true);
      win.removeEventListener('focusin', onFocusIn, true);
      host.remove();
      lock.release();
    },
  };
}
