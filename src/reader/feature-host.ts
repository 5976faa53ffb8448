/**
 * What the overlay gives a reader feature (read aloud, highlights): where to put its buttons and
 * panels, the article it works on, and keys. A feature is attached with one call and knows nothing
 * else of the overlay, so the toolbar around it can change without touching the feature.
 */
import type { Settings } from '../settings/schema.ts';
import type { Overlay } from './overlay.ts';
import type { ToolbarSlot } from './toolbar.ts';

export interface ReaderFeatureHost {
  doc: Document;
  /** The overlay's shadow root: features add their styles here and read the selection from it. */
  root: ShadowRoot;
  /** The scrolling box around the article. */
  scroller: HTMLElement;
  /** The article: headline and body. */
  article: HTMLElement;
  /** The element carrying data-reader-body. */
  body: HTMLElement;
  /** The article's language (BCP 47), when known. */
  lang: string | undefined;
  /** Where the feature's toolbar buttons go (its slot in the toolbar's one row). */
  controls: HTMLElement;
  /** Where the feature's panels go: a full-width row under the toolbar buttons, moving with it. */
  panels: HTMLElement;
  /**
   * An item in the toolbar's More menu that stands in for a toolbar control on a phone, where the
   * row has no room for it (the control carries class `overflows` to be left out of the row there).
   * The action runs once the menu has closed.
   */
  overflowItem(label: string, onSelect: () => void): HTMLButtonElement;
  /** Focuses `control`, or the menu button its stand-in lives behind when the control is not shown. */
  focusControl(control: HTMLElement): void;
  /**
   * The bottom edge of the toolbar and panel row as they rest, in client coordinates: text above
   * it is hidden. When the toolbar has stepped away while reading down, the scroller's top.
   */
  obscuredTop(): number;
  /** Says something in the overlay's status line (polite live region). */
  announce(message: string): void;
  /**
   * A keydown handler that runs before the overlay's own keys (Esc, +, −); return true to say the
   * key was used. Only trusted events reach it.
   */
  onKey(handler: (event: KeyboardEvent) => boolean): () => void;
  /** The settings when the feature was attached; features watch storage for changes. */
  settings: Settings;
}

export interface ReaderFeature {
  destroy(): void;
}

/** Whether a key event comes from typing into a field (where letters are text, not shortcuts). */
export const isTyping = (event: Event): boolean => {
  const target = event.composedPath()[0];
  return target instanceof Element && ((target as HTMLElement).isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
};

/** A plain key press: no Ctrl/Alt/Meta (Shift allowed), not typed into a field, not repeated. */
export const isPlainKey = (event: KeyboardEvent, key: string): boolean =>
  event.key.toLowerCase() === key && !event.ctrlKey && !event.altKey && !event.metaKey && !event.repeat && !isTyping(event);

/** The article a feature works on. */
export interface FeaturePage {
  article: HTMLElement;
  body: HTMLElement;
  lang: string | undefined;
  settings: Settings;
}

/** A host on the overlay's toolbar: the feature's slot in the row, the panel row, the More menu, keys. */
export function overlayFeatureHost(doc: Document, overlay: Overlay, slot: ToolbarSlot, page: FeaturePage): ReaderFeatureHost {
  const slots = overlay.featureSlots(slot);
  return {
    doc, root: slots.root, scroller: slots.scroller, ...page,
    controls: slots.controls, panels: slots.panels, overflowItem: slots.overflowItem,
    focusControl: (control) => (doc.defaultView?.getComputedStyle(control).display === 'none' ? slots.menuButton : control).focus({ preventScroll: true }),
    obscuredTop: slots.obscuredTop, onKey: slots.onKey,
    announce: (message) => overlay.announce(message),
  };
}
