/**
 * A page that turns on the reader (issue 10), in both browsers. Each test is named after what a
 * hostile or merely careless page could do before:
 * - synthetic keydown events dispatched by page script changed the text size (and stored it in
 *   the user's synced settings) and closed the reader;
 * - a page that removed the overlay's host (as a single-page app's re-render does) left the reader
 *   counting as open: the next toggle did nothing and the page's own +/− key presses were swallowed;
 * - an extension update while a tab had the reader open could leave two overlays;
 * - the reader's chunks were web-accessible, so any page could probe for the extension.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import fs from 'node:fs';
import path from 'node:path';
import { BROWSERS, distDir } from './harness/browsers.ts';
import { readOverlay, waitForOverlay } from './harness/overlay.ts';
import { clearSettings, inReader, readerEval } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

const overlays = (page: Page) => page.evaluate(() => Document.prototype.querySelectorAll.call(document, '[data-reader-overlay]').length);
const fontSize = (page: Page) => readerEval(page, (root) => getComputedStyle(root.querySelector('.scroller')!).fontSize, null);
/** The page's own key listener, as a site's shortcuts would have. */
const listenForKeys = (page: Page) => page.evaluate(() => {
  (window as any).__keys = [];
  document.addEventListener('keydown', (e) => (window as any).__keys.push(e.key));
});
const pageKeys = (page: Page) => page.evaluate(() => (window as any).__keys as string[]);

describe.each(BROWSERS)('hostile page against the reader in %s', (name) => {
  const session = useBrowser(name);

  async function openReader(file = 'sample-article.html'): Promise<Page> {
    const page = await session.open(file);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    return page;
  }

  test('synthetic keydown from the page neither changes the text size, nor stores a setting, nor closes the reader', async () => {
    await clearSettings(session.env);
    const page = await openReader();
    const before = await fontSize(page);
    await page.evaluate(() => {
      const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
      const targets: EventTarget[] = [window, document, document.body, root.querySelector('.scroller')!];
      for (const target of targets) {
        for (const key of ['+', '=', '+', '-', 'Escape']) {
          target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
        }
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await overlays(page)).toBe(1);
    expect(await fontSize(page)).toBe(before);
    expect(await session.env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings, null)).toBeUndefined();
  });

  test('synthetic clicks and changes from the page on the reader\'s own controls do nothing', async () => {
    await clearSettings(session.env);
    const page = await openReader();
    await page.evaluate(() => {
      const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
      for (const action of ['settings', 'more', 'copy-markdown', 'save-html', 'close']) root.querySelector<HTMLElement>(`[data-reader-action="${action}"]`)!.click();
      const dark = root.querySelector<HTMLInputElement>('input[name="theme"][value="dark"]')!;
      dark.checked = true;
      dark.dispatchEvent(new Event('change', { bubbles: true }));
      root.querySelector<HTMLElement>('[data-setting="fontSize"] [data-step="1"]')!.click();
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await overlays(page)).toBe(1);
    expect(await readerEval(page, (root) => ({
      panel: (root.querySelector('.panel') as HTMLElement).hidden, menu: (root.querySelector('.menu') as HTMLElement).hidden, status: root.querySelector('[role="status"]')!.textContent,
    }), null)).toEqual({ panel: true, menu: true, status: '' });
    expect(await session.env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings, null)).toBeUndefined();
    // The same controls still answer the user.
    await (await inReader(page, '[data-reader-action="close"]')).click();
    await waitForOverlay(page, false);
  });

  test.each([
    ['removes the overlay', () => document.querySelector('[data-reader-overlay]')!.remove()],
    ['re-renders <html> (a single-page app)', () => document.documentElement.replaceChildren(document.head, document.body.cloneNode(true))],
    ['moves the overlay into its own content', () => document.body.append(document.querySelector('[data-reader-overlay]')!)],
  ])('a page that %s: the reader cleans up, the page gets its + and − keys back, and the next toggle opens it again', async (_what, act) => {
    const page = await openReader();
    await listenForKeys(page);
    await page.evaluate(act);
    // Moved hosts are taken out; removed ones are gone already.
    await page.waitForFunction(() => !document.querySelector('[data-reader-overlay]'), { polling: 50, timeout: 5000 });
    // Nothing of the reader is left holding the page: its scroll lock, its key handlers.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
    await page.keyboard.press('+');
    await page.keyboard.press('-');
    expect(await pageKeys(page)).toEqual(['+', '-']);
    // The reader knows it is closed: one toggle opens it, with the article.
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    expect(await overlays(page)).toBe(1);
    expect((await readOverlay(page)).h1s).toHaveLength(1);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
  });

  test('an extension update while the reader is open never leaves two overlays, and the toggle keeps working', async () => {
    const page = await openReader();
    await listenForKeys(page);
    await session.env.reloadExtension();
    // The overlay the old copy left is still what the user sees; the new copy treats it as the reader.
    expect(await overlays(page)).toBeLessThanOrEqual(1);
    await session.env.command('toggle-reader', page);
    await expect.poll(() => overlays(page), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).not.toBe('hidden');
    await page.keyboard.press('+');
    expect(await pageKeys(page)).toEqual(['+']);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    expect(await overlays(page)).toBe(1);
    expect((await readOverlay(page)).h1s).toHaveLength(1);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, false);
  });

  test('nothing of the reader is web-accessible: a page asking for its script or fonts at the extension\'s address gets nothing', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir(name), 'manifest.json'), 'utf8'));
    const listed: string[] = (manifest.web_accessible_resources ?? []).flatMap((r: { resources: string[] }) => r.resources);
    expect(listed.filter((f) => /reader-entry|woff2|font/.test(f))).toEqual([]);
    const fonts = fs.readdirSync(path.join(distDir(name), 'assets')).filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(0);
    const page = await session.open('sample-article.html');
    const probes = [session.env.extensionUrl('src/reader/reader-entry.js'), session.env.extensionUrl(`assets/${fonts[0]}`)];
    const results = await page.evaluate(async (urls) => Promise.all(urls.map((u) => fetch(u).then((r) => `status ${r.status}`, () => 'refused'))), probes);
    expect(results).toEqual(['refused', 'refused']);
  });
});
