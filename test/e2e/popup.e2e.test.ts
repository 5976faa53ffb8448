/**
 * The popup (issue 12). What broke: it was 966 px tall in a 510 px window, so the per-site
 * switches needed scrolling, and its controls stayed blank for 0.5–2 s until the tab's status
 * arrived. The common controls (reader toggle, verdict, receipts, per-site and global switches)
 * must fit 600 px, and the popup must draw from what it already knows while a slow tab answers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import { BROWSERS } from './harness/browsers.ts';
import { clearSettings } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

describe.each(BROWSERS)('popup in %s', (name) => {
  const session = useBrowser(name);
  beforeAll(() => fs.mkdirSync('test-output/reader', { recursive: true }));
  afterAll(() => clearSettings(session.env));

  test('the common controls fit in 600 px without scrolling; the reader\'s look is folded below them', async () => {
    const article = await session.open('sample-article.html');
    const popup = await session.popupFor(article);
    await popup.setViewport({ width: 360, height: 600 });
    await popup.waitForFunction(() => document.querySelector('#status')!.textContent !== 'Checking this page…', { polling: 100 });
    const layout = await popup.evaluate(() => {
      const bottom = (s: string) => document.querySelector(s)!.getBoundingClientRect().bottom;
      return {
        page: document.documentElement.scrollHeight,
        toggle: bottom('#toggle'), site: bottom('[data-section="sites"]'), look: bottom('details.look > summary'),
        lookOpen: (document.querySelector('details.look') as HTMLDetailsElement).open,
        switches: [...document.querySelectorAll('[data-section="sites"] input, [data-section="sites"] select')].length,
      };
    });
    expect(layout.switches).toBe(5);
    expect(layout.site).toBeLessThanOrEqual(600);
    expect(layout.look).toBeLessThanOrEqual(600);
    expect(layout.page).toBeLessThanOrEqual(600);
    expect(layout.lookOpen).toBe(false);
    await popup.screenshot({ path: `test-output/reader/${name}-popup-600.png` });
  });

  test('on a 390×844 phone the popup fits the width and its look section opens within it', async () => {
    const article = await session.open('sample-article.html');
    const popup = await session.popupFor(article);
    await popup.setViewport({ width: 390, height: 844 });
    await popup.click('details.look > summary');
    const seen = await popup.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      fonts: document.querySelectorAll('input[name="fontFamily"]').length,
    }));
    expect(seen.scrollWidth).toBeLessThanOrEqual(390);
    expect(seen.fonts).toBe(5);
    await popup.screenshot({ path: `test-output/reader/${name}-popup-390.png`, fullPage: true });
  });

  test('it draws from what it already knows while the tab is too busy to answer', async () => {
    const article = await session.open('sample-article.html');
    // The verdict reaches the background (and its cache) once detection has run.
    const tabId = await session.env.tabIdOf(article);
    await expect.poll(() => session.env.inExtension((api, id: number) => api.storage.session.get(`tabStatus:${id}`).then((r: any) => r[`tabStatus:${id}`]?.verdict?.readable), tabId)).toBe(true);
    const popup = await session.env.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    // The page's main thread is now busy for 8 s: the content script cannot answer the popup.
    // (The popup is opened before and reloaded during it: opening a tab waits on the busy page
    // in Firefox's WebDriver session, which is the test's limit, not the popup's.)
    const busyUntil = Date.now() + 100 + 8000;
    await article.evaluate(() => void setTimeout(() => { const end = Date.now() + 8000; while (Date.now() < end); }, 100));
    await new Promise((r) => setTimeout(r, 300));
    await popup.evaluate(() => {
      (window as any).__before = true;
      setTimeout(() => location.reload(), 0);
    });
    await popup.waitForFunction(() => !(window as any).__before && /looks like an article/.test(document.querySelector('#status')!.textContent!)
      && /127\.0\.0\.1/.test(document.querySelector('#site-legend')!.textContent!), { polling: 50, timeout: 7000 });
    // Shown while the page was still busy: the verdict and the site came from the cache and the tab's address.
    expect(Date.now()).toBeLessThan(busyUntil);
    expect(await popup.$eval('#toggle', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await popup.close();
  });
});
