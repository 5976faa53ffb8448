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

export interface MarkSnapshot {
  id: string;
  color: string | null;
  title: string | null;
  text: string;
}

/** Every highlight mark in the overlay, in document order (a highlight may have several). */
export function marks(page: Page): Promise<MarkSnapshot[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-reader-overlay]')?.shadowRoot;
    return root ? [...root.querySelectorAll('mark[data-reader-highlight]')].map((m) => ({
      id: m.getAttribute('data-reader-highlight')!, color: m.getAttribute('data-color'), title: m.getAttribute('title'), text: m.textContent ?? '',
    })) : [];
  });
}

/** Highlights as the reader shows them: marks joined per highlight. */
export async function highlights(page: Page): Promise<{ text: string; color: string | null; note: string | null }[]> {
  const out = new Map<string, { text: string; color: string | null; note: string | null }>();
  for (const m of await marks(page)) {
    const h = out.get(m.id);
    if (h) h.text += m.text;
    else out.set(m.id, { text: m.text, color: m.color, note: m.title });
  }
  return [...out.values()].map((h) => ({ ...h, text: h.text.replace(/\s+/g, ' ').trim() }));
}

/** Client coordinates of the characters [from, to) of `text` in the body paragraph containing it. */
export function textBox(page: Page, text: string, from = 0, to = text.length): Promise<{ left: number; right: number; y: number }> {
  return page.evaluate((t, a, b) => {
    const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
    const walker = document.createTreeWalker(root.querySelector('[data-reader-body]')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(t);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(n, at + a);
      range.setEnd(n, at + a + 1);
      const first = range.getBoundingClientRect();
      range.setStart(n, at + b - 1);
      range.setEnd(n, at + b);
      const last = range.getBoundingClientRect();
      return { left: first.left + 1, right: last.right - 1, y: (first.top + first.bottom) / 2 };
    }
    throw new Error(`no text node holds ${t}`);
  }, text, from, to);
}

/** Selects `text` (within one text node of the body) the way a script can: no events are fired. */
export function selectText(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => {
    const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
    const walker = document.createTreeWalker(root.querySelector('[data-reader-body]')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(t);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      document.getSelection()!.setBaseAndExtent(n, at, n, at + t.length);
      return;
    }
    throw new Error(`no text node holds ${t}`);
  }, text);
}

/**
 * Picks an action (e.g. "save-markdown") from the toolbar's More menu with real clicks, opening
 * the menu first when it is closed: the reader ignores synthetic clicks.
 */
export async function menuAction(page: Page, action: string): Promise<void> {
  if ((await overlayAttr(page, '[data-reader-action="more"]', 'aria-expanded')) !== 'true') {
    await (await inOverlay(page, '[data-reader-action="more"]')).click();
  }
  await (await inOverlay(page, `[role="menu"] [data-reader-action="${action}"]`)).click();
}
