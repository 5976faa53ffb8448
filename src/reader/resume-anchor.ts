/**
 * Reading positions as text anchors. The block at the top of the view and how far into it the
 * view starts are what a reader remembers ("the paragraph about the river vote"), and they stay
 * true when the article's height changes: images arriving, the font loading, a different text
 * size. The anchor is taken when scrolling settles and put back by `holdAnchor`, which keeps
 * re-applying it while the layout is still moving, until the reader scrolls or things settle.
 */
import type { TextAnchor } from './reading-positions.ts';
import { isTrusted } from './trusted.ts';

const BLOCKS = 'p, li, h2, h3, h4, h5, h6, pre, blockquote, figure, table, dt, dd';
const OPENING = 60;

const opening = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, OPENING);

export function blocksOf(body: Element): Element[] {
  return [...body.querySelectorAll(BLOCKS)];
}

/** `top`: the y (viewport) below which the text is visible, i.e. the toolbar's bottom edge. */
export function captureAnchor(body: Element, top: number): TextAnchor | undefined {
  const blocks = blocksOf(body);
  // Blocks are in document order, so their bottoms only grow: binary search for the first one still in view.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().bottom > top) hi = mid;
    else lo = mid + 1;
  }
  const block = blocks[lo];
  if (!block) return undefined;
  const rect = block.getBoundingClientRect();
  const within = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { block: lo, within, text: opening(block) };
}

/** The anchor's block: by index if its words still match, else the first block that opens with them. */
export function findAnchor(body: Element, anchor: TextAnchor): Element | undefined {
  const blocks = blocksOf(body);
  const byIndex = blocks[anchor.block];
  if (byIndex && opening(byIndex) === anchor.text) return byIndex;
  return (anchor.text ? blocks.find((b) => opening(b) === anchor.text) : undefined) ?? byIndex;
}

/** Scrolls so the anchor sits at `top` again. Returns false when its block is gone. */
export function applyAnchor(scroller: HTMLElement, body: Element, anchor: TextAnchor, top: number): boolean {
  const block = findAnchor(body, anchor);
  if (!block) return false;
  const rect = block.getBoundingClientRect();
  const target = scroller.scrollTop + rect.top - top + anchor.within * rect.height;
  if (Math.abs(scroller.scrollTop - target) >= 1) scroller.scrollTo({ top: target, behavior: 'instant' });
  return true;
}

export interface HoldOptions {
  /** The toolbar's bottom edge, read when applying (the toolbar may change height). */
  top(): number;
  /** How long the layout must be still before the anchor is let go. */
  settleMs?: number;
  /** Let go in any case after this long. */
  maxMs?: number;
}

/**
 * Applies the anchor now and again whenever the article's size changes, until the user scrolls
 * (wheel, touch, keys, a click on the scrollbar), the layout has been still for `settleMs`, or
 * `maxMs` has passed. Returns a function that lets go early (closing the reader).
 */
export function holdAnchor(scroller: HTMLElement, body: Element, anchor: TextAnchor, options: HoldOptions): () => void {
  const win = scroller.ownerDocument.defaultView!;
  const settleMs = options.settleMs ?? 1200;
  let settleTimer = 0;
  let maxTimer = 0;
  let frame = 0;
  let observer: ResizeObserver | undefined;
  const USER = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    win.clearTimeout(settleTimer);
    win.clearTimeout(maxTimer);
    if (frame) win.cancelAnimationFrame(frame);
    observer?.disconnect();
    for (const type of USER) scroller.removeEventListener(type, onUser, true);
  };
  const onUser = (event: Event) => {
    if (isTrusted(event)) stop();
  };
  const apply = () => {
    frame = 0;
    if (!applyAnchor(scroller, body, anchor, options.top())) stop();
  };
  const changed = () => {
    frame ||= win.requestAnimationFrame(apply);
    win.clearTimeout(settleTimer);
    settleTimer = win.setTimeout(stop, settleMs);
  };
  for (const type of USER) scroller.addEventListener(type, onUser, { capture: true, passive: true });
  apply();
  if (win.ResizeObserver) {
    observer = new win.ResizeObserver(changed);
    observer.observe(body);
  }
  settleTimer = win.setTimeout(stop, settleMs);
  maxTimer = win.setTimeout(stop, options.maxMs ?? 15_000);
  return stop;
}
