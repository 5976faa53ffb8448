/**
 * Reader mode end to end, in real Chromium and Firefox ESR with the built extension:
 * detection on the toolbar, the live-page soft prompt, the overlay's contract, live settings
 * from the popup, closing that restores the page, and the clear message on a non-article page.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { readOverlay, waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';
import { choose } from './harness/setting-cases.ts';

const SEED_PARAGRAPHS = [
  "Iranian authorities have promised 'harsh retaliation' after the death of military commander Qasem Soleimani",
  "General Soleimani, the leader of Iran's elite Quds Force, was killed late Thursday",
  'former CIA operations officer Sam Faddis said',
  'US Secretary of State Mike Pompeo confirmed',
  'New York City mayor Bill de Blasio',
  'UN special rapporteur on extrajudicial killing',
  'She also addressed the fact that drones being used in another country',
];
const CLUTTER = ["Click 'OK' then 'Allow'", 'enable notifications', 'send you some reminders', 'Share this article',
  'Share on Facebook', 'Subscribe', 'Sign up to our newsletter', 'Featured Image Credit', 'We use cookies', 'Read more'];

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each(BROWSERS)('reader in %s', (name) => {
  const session = useBrowser(name);
  const openArticle = (file = 'sample-article.html') => session.open(file);

  async function actionTitle(page: Page): Promise<string> {
    const tabId = await session.env.tabIdOf(page);
    return session.env.inExtension((api, id: number) => api.action.getTitle({ tabId: id }), tabId);
  }

  test('the toolbar icon says an article page can be read, and a form page cannot', async () => {
    const article = await openArticle();
    await expect.poll(() => actionTitle(article), { timeout: 10_000 }).toBe('Open in reader view');
    const form = await openArticle('not-an-article.html');
    await expect.poll(() => actionTitle(form), { timeout: 10_000 }).toMatch(/no article detected/i);
  });

  test('a single-page site that changes the story with pushState gets a new verdict (detection ran once per document load)', async () => {
    const page = await openArticle('spa-news.html');
    await expect.poll(() => actionTitle(page), { timeout: 10_000 }).toMatch(/no article detected/i);
    await page.click('a[data-story]');
    await expect.poll(() => actionTitle(page), { timeout: 10_000 }).toBe('Open in reader view');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    expect((await readOverlay(page)).h1s).toEqual(['City Council Backs River Park Plan After Long Debate']);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, false);
    await page.goBack();
    await expect.poll(() => actionTitle(page), { timeout: 10_000 }).toMatch(/no article detected/i);
  });

  test('the late OneSignal-style soft prompt is hidden on the live page', async () => {
    const page = await openArticle();
    await page.waitForFunction(() => document.documentElement.dataset.promptShown === 'yes', { polling: 100 });
    const display = await page.$eval('#onesignal-slidedown-container', (el) => getComputedStyle(el).display);
    expect(display).toBe('none');
  });

  test('toggle-reader shows headline and byline once, the body in order, the lazy image and caption, and no clutter', async () => {
    const page = await openArticle();
    await page.waitForFunction(() => document.documentElement.dataset.promptShown === 'yes', { polling: 100 });
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const overlay = await readOverlay(page);

    expect(overlay.present).toBe(true);
    expect(overlay.h1s).toEqual(["Iran Promises 'Harsh Retaliation' On US After Death Of General Qasem Soleimani"]);
    expect(count(overlay.text, 'Iran Promises')).toBe(1);
    expect(overlay.byline).toBe('Amelia Ward');
    expect(count(overlay.text, 'Amelia Ward')).toBe(1);
    const positions = SEED_PARAGRAPHS.map((p) => overlay.body.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const clutter of CLUTTER) expect(overlay.text, clutter).not.toContain(clutter);
    expect(overlay.images.map((i) => new URL(i.src).pathname)).toContain('/img/demonstration.svg');
    expect(overlay.captions.join(' ')).toContain('Iranians in an anti-US demonstration');
  });

  test('popup settings change the open overlay live', async () => {
    const page = await openArticle();
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const before = await readOverlay(page);
    const popup = await session.popupFor(page);
    await popup.waitForSelector('#toggle:not([disabled])');

    await choose('theme', 'dark')(popup);
    await expect.poll(async () => (await readOverlay(page)).theme).toBe('dark');
    const dark = await readOverlay(page);
    expect(dark.background).not.toBe(before.background);

    await popup.click('[data-setting="fontSize"] [data-step="1"]'); // the look section is open now
    await expect.poll(async () => (await readOverlay(page)).fontSize).not.toBe(before.fontSize);
    expect(parseFloat((await readOverlay(page)).fontSize)).toBeGreaterThan(parseFloat(before.fontSize));

    await choose('fontFamily', 'sans')(popup);
    await page.waitForFunction(() => document.querySelector('[data-reader-overlay]')?.getAttribute('data-font') === 'sans', { polling: 100 });
  });

  test('the popup button opens and closes the reader on its tab', async () => {
    const page = await openArticle();
    const popup = await session.popupFor(page);
    await popup.waitForSelector('#toggle:not([disabled])');
    expect(await popup.$eval('#status', (e) => e.textContent)).toMatch(/looks like an article/);
    await popup.click('#toggle');
    await waitForOverlay(page, true);
    await popup.waitForFunction(() => document.querySelector('#toggle')?.getAttribute('aria-pressed') === 'true', { polling: 100 });
    await popup.click('#toggle');
    await waitForOverlay(page, false);
  });

  test('closing with Esc or the command leaves the page exactly as it was, scroll position included', async () => {
    const page = await openArticle();
    await page.waitForFunction(() => document.documentElement.dataset.promptShown === 'yes', { polling: 100 });
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: Math.round(scrollY) }));
    expect(before.y).toBeGreaterThan(0);

    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    expect(await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: Math.round(scrollY) }))).toEqual(before);

    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, false);
    expect(await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: Math.round(scrollY) }))).toEqual(before);
  });

  test('keyboard focus stays inside the open reader', async () => {
    const page = await openArticle();
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-reader-overlay'))).toBe(true);
    }
  });

  test('a page that is not an article gets a clear message, not an empty reader', async () => {
    const page = await openArticle('not-an-article.html');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const overlay = await readOverlay(page);
    expect(overlay.error).toMatch(/doesn’t look like an article/);
    expect(overlay.body).toBe('');
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
  });

  test('per-site choice: "Open automatically" opens the reader on the next load; "Don\u2019t offer" keeps the icon idle', async () => {
    const page = await openArticle();
    let popup = await session.popupFor(page);
    await popup.waitForSelector('#toggle:not([disabled])');
    try {
      await popup.select('#siteReader', 'always');
      await expect.poll(() => session.env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings?.sites?.['127.0.0.1']?.reader, null)).toBe('always');
      // The popup is a tab of its own here; the user reloads the page they are looking at, and
      // detection (hence opening by itself) waits for the tab to be visible.
      await page.bringToFront();
      await page.reload();
      await waitForOverlay(page, true);
      expect((await readOverlay(page)).h1s).toHaveLength(1);

      await popup.close();
      popup = await session.popupFor(page);
      await popup.waitForSelector('#toggle:not([disabled])');
      expect(await popup.$eval('#siteReader', (e) => (e as HTMLSelectElement).value)).toBe('always');
      await popup.select('#siteReader', 'never');
      await expect.poll(() => actionTitle(page), { timeout: 10_000 }).toMatch(/not offered on this site/);
    } finally {
      await popup.select('#siteReader', 'ask').catch(() => {});
    }
    await expect.poll(() => actionTitle(page), { timeout: 10_000 }).toBe('Open in reader view');
  });
});
