/**
 * Every reader setting, driven through the popup: it changes the open overlay live, it is
 * persisted in extension storage, and a freshly opened overlay in a new tab applies it (the
 * same after a real browser restart: restart.e2e.test.ts).
 * Also: +/- keys, the bundled fonts really load, the contents box, resume position.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { startPageServer, type PageServer } from './harness/page-server.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { inReader } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';
import { CASES, CHANGED_LATER, choose, longArticle, style } from './harness/setting-cases.ts';

describe.each(BROWSERS)('settings in %s', (name) => {
  const session = useBrowser(name);
  let longServer: PageServer;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-long-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp, 'long.html'), longArticle());
    longServer = await startPageServer(tmp);
  });
  afterAll(async () => {
    await longServer?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens `url` (a test page, or absolute) in a tab and the reader on it. */
  async function openReaderOn(url: string): Promise<Page> {
    const page = await session.open(url);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    return page;
  }
  const storedSettings = () => session.env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings, null);

  test('each setting changes the open overlay live, is stored, and applies to a fresh overlay in a new tab', async () => {
    const page = await openReaderOn('sample-article.html');
    const popup = await session.popupFor(page);
    await popup.waitForSelector('#toggle:not([disabled])');
    const probes: Record<string, unknown> = {};
    for (const c of CASES) {
      await c.act(popup);
      await expect.poll(async () => { try { c.expect(await c.probe(page)); return true; } catch { return false; } }, { timeout: 5_000, message: `${c.name} live` }).toBe(true);
      probes[c.name] = await c.probe(page);
    }
    const stored = await storedSettings();
    for (const c of CASES) if (!CHANGED_LATER.has(c.name)) expect(stored[c.stored[0]], `${c.name} stored`).toEqual(c.stored[1]);
    expect(stored.theme).toBe('dark');
    expect(stored.showImages).toBe(true);
    await popup.close();
    await page.close();

    const fresh = await openReaderOn('sample-article.html');
    for (const c of CASES) {
      if (CHANGED_LATER.has(c.name)) continue;
      expect(await c.probe(fresh), `${c.name} after reopening`).toEqual(probes[c.name]);
    }
    expect(await fresh.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-theme'))).toBe('dark');
    // The stored custom colours come back when the custom theme is chosen again.
    await session.env.inExtension(async (api) => {
      const { settings } = await api.storage.sync.get('settings');
      await api.storage.sync.set({ settings: { ...settings, theme: 'custom' } });
    }, null);
    await expect.poll(() => style('.scroller', 'background-color')(fresh)).toBe('rgb(32, 48, 64)');

    // Reset puts the reader back to its defaults, live, and keeps the per-site choices.
    const popup2 = await session.popupFor(fresh);
    await popup2.waitForSelector('#toggle:not([disabled])');
    await popup2.click('input[name="shareButtons"]');
    await popup2.click('#reset');
    await expect.poll(() => fresh.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-theme'))).toBe('system');
    const afterReset = await storedSettings();
    expect(afterReset).toMatchObject({ fontFamily: 'literata', fontSize: 19, contentWidth: 62, letterSpacing: 0, showImages: true, focusLine: false, textAlign: 'start' });
    expect(Object.values(afterReset.sites)).toEqual([{ suppress: { shareButtons: false } }]);
    await popup2.close();
    await fresh.close();
    await session.env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('the options page holds the same settings and drives an open overlay too', async () => {
    const page = await openReaderOn('sample-article.html');
    const options = await session.env.openExtensionPage('src/options/index.html');
    await options.waitForSelector('input[name="fontFamily"]');
    await choose('fontFamily', 'mono')(options);
    await options.click('[data-setting="wordSpacing"] [data-step="1"]');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-font'))).toBe('mono');
    await expect.poll(() => style('[data-reader-body]', 'word-spacing')(page)).not.toBe('0px');
    expect(await options.$eval('#preview', (e) => getComputedStyle(e).fontFamily)).toMatch(/monospace/);
    await options.close();
    await page.close();
    await session.env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('+ and - change the text size while the overlay is open; the bundled font loads', async () => {
    await session.env.inExtension((api) => api.storage.sync.set({ settings: { version: 1, fontFamily: 'literata' } }), null);
    const page = await openReaderOn('sample-article.html');
    const size = style('.scroller', 'font-size');
    expect(await size(page)).toBe('19px');
    await page.keyboard.press('+');
    await expect.poll(() => size(page)).toBe('20px');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(() => size(page)).toBe('18px');
    // The face is in the page's FontFaceSet (added from bytes, so no page CSP or network involved) and loaded.
    await expect.poll(() => page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('400 19px "ClearRead Literata"') && [...document.fonts].some((f) => f.family.includes('ClearRead Literata') && f.status === 'loaded');
    }), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('ClearRead')))).toBe(false);
    await page.close();
    await session.env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('a long article gets a contents box, and reopening resumes where the reader left off', async () => {
    const url = longServer.url + 'long.html';
    const page = await openReaderOn(url);
    const toc = await page.evaluate(() => [...document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll('.toc a')].map((a) => a.textContent));
    expect(toc).toEqual(['Section heading 1', 'Detail 1', 'Section heading 2', 'Detail 2', 'Section heading 3', 'Detail 3', 'Section heading 4', 'Detail 4']);
    // Following a contents link scrolls the reader, not the page underneath.
    await (await inReader(page, '.toc ol > li:nth-child(3) > a')).click();
    const scrollTop = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.scroller')!.scrollTop);
    await expect.poll(scrollTop).toBeGreaterThan(200);
    expect(await page.evaluate(() => location.hash)).toBe('');
    // Smooth scrolling may still be under way; wait for it to settle.
    let before = -1;
    await expect.poll(async () => { const now = await scrollTop(); const settled = now === before; before = now; return settled; }, { interval: 150 }).toBe(true);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    const positions = await session.env.inExtension(async (api) => (await api.storage.local.get('readingPositions')).readingPositions, null);
    expect(positions[url].at).toBeGreaterThan(0.1);
    await page.close();

    const again = await openReaderOn(url);
    await expect.poll(async () => Math.abs((await again.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.scroller')!.scrollTop)) - before)).toBeLessThan(40);
    await again.close();
  });

  test('Copy as Markdown puts the article on the clipboard as Markdown', async () => {
    const page = await openReaderOn('sample-article.html');
    if (name === 'chromium') {
      await session.env.browser.defaultBrowserContext().overridePermissions(session.server.url.slice(0, -1), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    }
    // Export is in the "More" menu, in plain words.
    await (await inReader(page, '[data-reader-action="more"]')).click();
    const copy = await inReader(page, '[data-reader-action="copy-markdown"]');
    expect(await copy.evaluate((b) => b.textContent)).toBe('Copy as Markdown');
    await copy.click();
    const status = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[role="status"]')!.textContent);
    await expect.poll(status).toBe('Copied as Markdown');
    // Reading the clipboard back needs a permission only Chromium lets a test grant.
    if (name === 'chromium') {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toMatch(/^# Iran Promises 'Harsh Retaliation' On US After Death Of General Qasem Soleimani\n/);
      expect(text).toContain('Source: <' + session.server.url + 'sample-article.html>');
      expect(text).toContain('![');
    }
    await page.close();
  });
});
