/** The content script's live suppressor in a page, asked through the extension as the popup's receipt asks it. */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers.ts';

/**
 * Waits until the content script in the page's top frame has its settings and has looked at the
 * whole page (asking for its entries makes it finish whatever it still had waiting), so that
 * everything it does to the page is done. Holds where suppression is on for the site (the default).
 */
export async function liveSettled(env: ExtensionBrowser, page: Page, timeout = 10_000): Promise<void> {
  const tabId = await env.tabIdOf(page);
  const deadline = Date.now() + timeout;
  for (;;) {
    const engaged = await env.inExtension(async (api, id: number) => {
      const [frame] = await api.scripting.executeScript({ target: { tabId: id }, func: async () => {
        const live = (globalThis as { __clearreadLive?: { entries(): Promise<unknown[]>; engaged: boolean } }).__clearreadLive;
        if (!live) return false;
        await live.entries();
        return live.engaged;
      } });
      return frame?.result === true;
    }, tabId).catch(() => false);
    if (engaged) return;
    if (Date.now() > deadline) throw new Error(`the content script in ${page.url()} never finished its look at the page`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
