/**
 * Bad input gets a clear message and loses nothing: a page too large to parse, and settings in
 * storage that are broken (a sync conflict, a hand-edited profile, an older version).
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { liveSettled } from './harness/live.ts';
import { readOverlay, waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';

describe.each(BROWSERS)('bad input in %s', (name) => {
  const session = useBrowser(name);

  test('a huge page gets a clear "too large" message instead of a frozen tab, and closes cleanly', async () => {
    const page = await session.open('huge-page.html');
    await page.waitForFunction(() => document.documentElement.dataset.built === 'yes', { polling: 100 });
    // The snapshot must follow whatever the content script's suppressor does to the page (marks,
    // lifted locks; all undoable), which a page this size can delay.
    await liveSettled(session.env, page);
    const before = await page.evaluate(() => document.documentElement.outerHTML.length);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const overlay = await readOverlay(page);
    expect(overlay.error).toMatch(/too large/i);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBe(before);
  });

  test('broken stored settings fall back to defaults field by field; the reader and popup still work', async () => {
    await session.env.inExtension(async (api) => {
      await api.storage.sync.set({ settings: { version: 1, theme: 'sepia', fontSize: 'enormous', contentWidth: { evil: true }, lineHeight: null, sites: 'nope' } });
    }, null);
    const page = await session.open('sample-article.html');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const overlay = await readOverlay(page);
    expect(overlay.theme).toBe('sepia'); // the valid value survives its broken neighbours
    expect(overlay.fontSize).toBe('19px'); // the broken one falls back to the default

    const popup = await session.popupFor(page);
    await popup.waitForSelector('#toggle:not([disabled])');
    expect(await popup.$eval('input[name="theme"][value="sepia"]', (e) => (e as HTMLInputElement).checked)).toBe(true);
    expect(await popup.$eval('[data-setting="fontSize"] output', (e) => e.textContent)).toBe('19px');

    await session.env.inExtension(async (api) => api.storage.sync.set({ settings: '💥 not even an object' }), null);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    expect((await readOverlay(page)).theme).toBe('system');
  });
});
