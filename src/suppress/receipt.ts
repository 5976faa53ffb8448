/**
 * What was hidden on a page, for the popup's receipt: each entry names the thing, where it sat and
 * what it said, and carries an id to bring it back by.
 */
import type { SuppressionKind } from '../settings/schema.ts';

export interface HiddenEntry {
  /** Unique within its frame, for `restore-hidden`. */
  id: number;
  kind: SuppressionKind;
  /** The rule that hid it (rules.ts), and whose it is ("OneSignal", "site-made"). */
  rule: string;
  vendor: string;
  /** Where it sat, in words: "pinned to the bottom of the window", "in the article". */
  where: string;
  /** What it said or was called, shortened. */
  label: string;
}

/** The entries of one frame of a tab (frame 0 is the page itself). */
export interface FrameReceipt {
  frameId: number;
  /** The frame's host, to say "in a frame from …" for frames other than the page. */
  host: string;
  entries: HiddenEntry[];
}

/** How many things of each kind were hidden, for a one-line summary. */
export type SuppressionReceipt = Record<SuppressionKind, number>;

export const emptyReceipt = (): SuppressionReceipt => ({ notificationPrompts: 0, shareButtons: 0 });

export function countEntries(entries: readonly HiddenEntry[]): SuppressionReceipt {
  const out = emptyReceipt();
  for (const e of entries) out[e.kind] += 1;
  return out;
}

const LANDMARKS: ReadonlyArray<[string, string]> = [
  ['article, [role="article"]', 'in the article'],
  ['main, [role="main"]', 'in the main column'],
  ['header, [role="banner"]', 'in the page header'],
  ['footer, [role="contentinfo"]', 'in the page footer'],
  ['aside, [role="complementary"]', 'in a side column'],
  ['nav, [role="navigation"]', 'in the navigation'],
];

const px = (value: string) => (value.endsWith('px') ? Number.parseFloat(value) : Number.NaN);

/** Where `el` sits, in words a reader recognises. */
export function describePlace(el: Element, win: Window): string {
  const style = win.getComputedStyle(el);
  if (style.position === 'fixed' || style.position === 'sticky') {
    const [top, bottom, left, right] = [px(style.top), px(style.bottom), px(style.left), px(style.right)];
    const near = (win.innerHeight || 800) * 0.25;
    // A rail sticks to one side (the other is auto); a bar spans the width and sticks to the top or bottom.
    const edge = left === 0 && Number.isNaN(right) ? 'left side'
      : right === 0 && Number.isNaN(left) ? 'right side'
        : !Number.isNaN(top) && top <= near && !(bottom < top) ? 'top'
          : !Number.isNaN(bottom) && bottom <= near ? 'bottom'
            : 'middle';
    return `pinned to the ${edge} of the window`;
  }
  for (const [selector, words] of LANDMARKS) if (el.closest(selector)) return words;
  return 'on the page';
}

/** What `el` says or is called, at most `max` characters. */
export function describeLabel(el: Element, text: string, max = 80): string {
  const named = el.getAttribute('aria-label') || el.getAttribute('title') || '';
  const words = (named || text).replace(/\s+/g, ' ').trim();
  return words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
}
