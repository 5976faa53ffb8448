/** Helpers for tests that look at the open reader: its shadow root, settings, and waiting for layout to settle. */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers.ts';
import { waitForOverlay } from './overlay.ts';

/** Stores reader settings (the current schema version) as the popup would. */
export function storeSettings(env: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  return env.inExtension((api, s) => api.storage.sync.set({ settings: { version: 2, ...s } }), settings);
}

export function clearSettings(env: ExtensionBrowser): Promise<void> {
  return env.inExtension((api) => api.storage.sync.remove('settings'), null);
}

/** Opens `url` at a viewport size and the reader on it, and waits for the article and its fonts. */
export async function openReaderAt(env: ExtensionBrowser, page: Page, url: string, width: number, height = 844): Promise<void> {
  await page.setViewport({ width, height });
  await page.goto(url);
  await env.command('toggle-reader', page);
  await waitForOverlay(page, true);
  await settled(page);
}

/** Waits until fonts are in and the column has not changed size for a few frames. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.querySelector('[data-reader-overlay]')?.shadowRoot;
    const column = root?.querySelector('.column');
    let last = '';
    for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const r = column?.getBoundingClientRect();
      const now = r ? `${r.width}x${r.height}` : '';
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  });
}

/** Waits for the host to show the given setting values (attributes or style properties). */
export async function waitForHost(page: Page, check: { font?: string; theme?: string; size?: number }): Promise<void> {
  await page.waitForFunction((c) => {
    const host = document.querySelector('[data-reader-overlay]');
    if (!host) return false;
    if (c.font && host.getAttribute('data-font') !== c.font) return false;
    if (c.theme && host.getAttribute('data-theme') !== c.theme) return false;
    if (c.size && (host as HTMLElement).style.getPropertyValue('--font-size') !== `${c.size}px`) return false;
    return true;
  }, { polling: 50, timeout: 10_000 }, check);
}

/** An element inside the overlay's shadow root, for real (trusted) clicks and key presses. */
export async function inReader(page: Page, selector: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.evaluateHandle((s) => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector(s), selector);
  const element = handle.asElement();
  if (!element) throw new Error(`nothing in the reader matches ${selector}`);
  return element as ElementHandle<HTMLElement>;
}

/** Runs `fn` in the page with the overlay's shadow root and host. */
export async function readerEval<T, A>(page: Page, fn: (root: ShadowRoot, host: HTMLElement, arg: A) => T, arg: A): Promise<T> {
  const run = new Function('arg', `const host = document.querySelector('[data-reader-overlay]'); return (${fn.toString()})(host.shadowRoot, host, arg);`);
  return (await page.evaluate(run as (arg: unknown) => unknown, arg as unknown)) as T;
}

/** Waits until the reader has stopped scrolling (smooth scrolling may still be under way). */
export async function scrollSettled(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const scroller = document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.scroller')!;
    let last = -1;
    for (let stable = 0, i = 0; stable < 4 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 60));
      stable = scroller.scrollTop === last ? stable + 1 : 0;
      last = scroller.scrollTop;
    }
    return last;
  });
}
