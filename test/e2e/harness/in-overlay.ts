/** Reaching into the overlay's shadow root for the read-aloud and highlight tests. */
import type { ElementHandle, Page } from 'puppeteer-core';

/** A handle on the first element matching `selector` in the overlay (for real, trusted clicks). */
export async function inOverlay(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((s) => document.querySelector('[data-reader-overlay]')?.shadowRoot?.querySelector(s) ?? null, selector);
  const element = handle.asElement();
  if (!element) throw new Error(`nothing matches ${selector} in the overlay`);
  return element as ElementHandle<Element>;
}

export interface SpeakingSnapshot {
  /** How many elements carry data-reader-speaking (the contract: 0 or 1). */
  count: number;
  text: string;
  /** The text of the block (paragraph, headline…) around it. */
  block: string;
}

export function speaking(page: Page): Promise<SpeakingSnapshot> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reader-overlay]')?.shadowRoot;
    const all = root ? [...root.querySelectorAll('[data-reader-speaking]')] : [];
    const first = all[0];
    return {
      count: all.length,
      text: (first?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      block: (first?.closest('p, h1, h2, li, pre, td, th, figcaption, caption')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** The attribute of the element matching `selector` in the overlay. */
export const overlayAttr = (page: Page, selector: string, attr: string) =>
  page.evaluate((s, a) => document.querySelector('[data-reader-overlay]')?.shadowRoot?.querySelector(s)?.getAttribute(a) ?? null, selector, attr);
