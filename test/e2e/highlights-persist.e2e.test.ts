/**
 * Highlights outlive the page and the browser, in Chromium and Firefox ESR: after the article
 * changed a little they are found again by their quoted text and context (one whose words were
 * edited slightly too), and the one whose text is gone is reported, not silently dropped; after
 * the browser is closed and launched again on the same profile, they are back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './harness/browsers.ts';
import { highlights, inOverlay, selectText } from './harness/in-overlay.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { PAGES_DIR, startPageServer, type PageServer } from './harness/page-server.ts';

const ORIGINAL = fs.readFileSync(path.join(PAGES_DIR, 'read-aloud.html'), 'utf8');
const KEPT = 'Nobody in the town was ready.';
const GONE = 'Children waved from the bridge.';
const EDITED = 'It will be called the Heron.';
const EDITED_NOW = 'It will be named the Heron.';

/** The same article a day later: an edit before a highlight, a new paragraph, a sentence removed, one reworded. */
const changed = ORIGINAL
  .replace('The river rose early that spring.', 'The river rose very early that spring.')
  .replace('<p id="p1">', '<p id="p0">A correction was added to this story on Saturday, after readers wrote in.</p>\n<p id="p1">')
  .replace(` ${GONE}`, '')
  .replace(EDITED, EDITED_NOW)
  .replace('Mr. Hale kept', 'Mr.  Hale   kept');

/** As in restart.e2e.test.ts: Firefox keeps a temporary add-on's storage across the restart only with this pref. */
const PROFILE_OPTIONS = (profileDir: string): LaunchOptions => ({ profileDir, firefoxPrefs: { 'extensions.webextensions.keepStorageOnUninstall': true } });


async function highlight(page: Page, text: string, note?: string) {
  await selectText(page, text);
  await page.keyboard.press('h');
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.activeElement?.tagName)).toBe('TEXTAREA');
  if (note) await page.keyboard.type(note);
  await page.keyboard.press('Escape');
}

describe.each(BROWSERS)('highlights kept in %s', (name: BrowserName) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-hl-persist-'));
  const profileDir = path.join(tmp, 'profile');
  const pagesDir = path.join(tmp, 'pages');
  let server: PageServer;
  let env: ExtensionBrowser | undefined;

  beforeAll(async () => {
    fs.mkdirSync(profileDir);
    fs.mkdirSync(path.join(pagesDir, 'img'), { recursive: true });
    fs.copyFileSync(path.join(PAGES_DIR, 'img/demonstration.svg'), path.join(pagesDir, 'img/demonstration.svg'));
    fs.writeFileSync(path.join(pagesDir, 'story.html'), ORIGINAL);
    fs.writeFileSync(path.join(pagesDir, 'kept.html'), ORIGINAL);
    server = await startPageServer(pagesDir);
    env = await launch(name, PROFILE_OPTIONS(profileDir));
  });
  afterAll(async () => {
    await env?.close();
    await server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function openReader(file: string): Promise<Page> {
    const page = await env!.browser.newPage();
    await page.goto(server.url + file);
    await env!.command('toggle-reader', page);
    await waitForOverlay(page, true);
    return page;
  }

  test('after a small change to the article they are found again, and the one whose text is gone is reported', async () => {
    const page = await openReader('story.html');
    await highlight(page, KEPT);
    await highlight(page, GONE, 'This sentence will be removed');
    await highlight(page, EDITED, 'The boat’s name');
    await expect.poll(async () => (await highlights(page)).length).toBe(3);
    await page.close();

    fs.writeFileSync(path.join(pagesDir, 'story.html'), changed);
    const again = await openReader('story.html');
    await expect.poll(() => highlights(again)).toEqual([
      { text: KEPT, color: 'yellow', note: null },
      { text: EDITED_NOW, color: 'yellow', note: 'The boat’s name' },
    ]);
    // Reported where it stays until seen, with the way to the list.
    const notice = await inOverlay(again, '.highlights-notice');
    await expect.poll(() => notice.evaluate((n) => ((n as HTMLElement).hidden ? '' : n.textContent))).toMatch(/^Some highlights could not be placed: their text is no longer in the article/);
    await (await inOverlay(again, '.highlights-notice button[aria-label="Show them"]')).click();
    const missing = await again.evaluate(() => [...document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll('.highlight-list.missing li')].map((li) => li.textContent));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain(GONE);
    expect(missing[0]).toContain('This sentence will be removed');
    // Stored that way: the two found at their new places, the third under `missing`.
    const stored = await env!.inExtension(async (api, key: string) => (await api.storage.local.get(key))[key], `highlights:${server.url}story.html`);
    expect(stored.items.map((h: any) => h.quote.exact)).toEqual([KEPT, EDITED_NOW]);
    expect(stored.missing.map((h: any) => h.quote.exact)).toEqual([GONE]);
    await again.close();
  });

  test('they come back after the browser is closed and launched again on the same profile', async () => {
    const page = await openReader('kept.html');
    await selectText(page, KEPT);
    await page.keyboard.press('h');
    await page.keyboard.type('Kept across a restart');
    await page.keyboard.press('Escape');
    await expect.poll(() => highlights(page)).toEqual([{ text: KEPT, color: expect.any(String), note: 'Kept across a restart' }]);
    const before = await highlights(page);

    await env!.close();
    env = undefined;
    env = await launch(name, PROFILE_OPTIONS(profileDir));
    const again = await openReader('kept.html');
    await expect.poll(() => highlights(again)).toEqual(before);
  });
});
