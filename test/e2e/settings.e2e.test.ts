/**
 * Every reader setting, driven through the popup: it changes the open overlay live, it is
 * persisted in extension storage, and a freshly opened overlay in a new tab applies it (our
 * stand-in for a browser restart: the new overlay reads only what storage holds).
 * Also: +/- keys, the bundled fonts really load, the contents box, resume position.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type ExtensionBrowser } from './harness/browsers.ts';
import { startPageServer, type PageServer } from './harness/page-server.ts';
import { waitForOverlay } from './harness/overlay.ts';

/** A long article with sections, for the contents box and resume position. */
function longArticle(): string {
  const para = (s: number, i: number) => `<p>Section ${s}, paragraph ${i}: ${'The quick brown fox considers the lazy dog with patience and some care. '.repeat(6)}</p>`;
  const sections = [1, 2, 3, 4].map((s) => `<h2>Section heading ${s}</h2>${[1, 2, 3, 4, 5].map((i) => para(s, i)).join('')}<h3>Detail ${s}</h3>${para(s, 9)}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long read</title></head><body>
    <article><h1>A long read with sections</h1><p class="byline">By Test Writer</p>${sections.join('')}</article></body></html>`;
}

type Probe = (page: Page) => Promise<unknown>;
/** Reads a computed style inside the overlay's shadow root. */
const style = (selector: string, prop: string): Probe => (page) => page.evaluate((sel, p) => {
  const root = document.querySelector('[data-reader-overlay]')?.shadowRoot;
  const el = root?.querySelector(sel);
  return el ? getComputedStyle(el).getPropertyValue(p) : null;
}, selector, prop);

interface Case {
  name: string;
  /** What the user does in the popup. */
  act(popup: Page): Promise<void>;
  probe: Probe;
  /** The stored value after the change, as [key, value]. */
  stored: [string, unknown];
  expect: (value: any) => void;
}

const step = (setting: string) => async (popup: Page) => popup.click(`[data-setting="${setting}"] [data-step="1"]`);
const toggle = (name: string) => async (popup: Page) => popup.click(`input[name="${name}"]`);

const CASES: Case[] = [
  { name: 'theme', act: (p) => p.click('input[name="theme"][value="sepia"]'), probe: style('.scroller', 'background-color'), stored: ['theme', 'sepia'], expect: (v) => expect(v).toBe('rgb(245, 237, 219)') },
  { name: 'fontFamily', act: async (p) => void (await p.select('#fontFamily', 'atkinson')), probe: style('.scroller', 'font-family'), stored: ['fontFamily', 'atkinson'], expect: (v) => expect(v).toContain('ClearRead Atkinson') },
  { name: 'fontSize', act: step('fontSize'), probe: style('.scroller', 'font-size'), stored: ['fontSize', 20], expect: (v) => expect(v).toBe('20px') },
  { name: 'lineHeight', act: step('lineHeight'), probe: style('.scroller', 'line-height'), stored: ['lineHeight', 1.75], expect: (v) => expect(parseFloat(v)).toBeCloseTo(35, 0) },
  { name: 'contentWidth', act: step('contentWidth'), probe: style('.page', 'max-width'), stored: ['contentWidth', 44], expect: (v) => expect(v).toBe(`${44 * 20}px`) },
  { name: 'letterSpacing', act: step('letterSpacing'), probe: style('[data-reader-body]', 'letter-spacing'), stored: ['letterSpacing', 0.02], expect: (v) => expect(parseFloat(v)).toBeCloseTo(0.4, 1) },
  { name: 'wordSpacing', act: step('wordSpacing'), probe: style('[data-reader-body]', 'word-spacing'), stored: ['wordSpacing', 0.05], expect: (v) => expect(parseFloat(v)).toBeCloseTo(1, 1) },
  { name: 'textAlign', act: async (p) => void (await p.select('#textAlign', 'justify')), probe: style('[data-reader-body]', 'text-align'), stored: ['textAlign', 'justify'], expect: (v) => expect(v).toBe('justify') },
  { name: 'showImages', act: toggle('showImages'), probe: style('[data-reader-body] img', 'display'), stored: ['showImages', false], expect: (v) => expect(v).toBe('none') },
  { name: 'showProgress', act: toggle('showProgress'), probe: style('.progress', 'display'), stored: ['showProgress', false], expect: (v) => expect(v).toBe('none') },
  { name: 'focusLine', act: toggle('focusLine'), probe: style('.focus-line', 'display'), stored: ['focusLine', true], expect: (v) => expect(v).toBe('block') },
  { name: 'showToc', act: toggle('showToc'), probe: (page) => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-toc')), stored: ['showToc', false], expect: (v) => expect(v).toBe('off') },
  { name: 'resumePosition', act: toggle('resumePosition'), probe: async () => 'storage only', stored: ['resumePosition', false], expect: () => {} },
  { name: 'customColors', act: async (p) => {
    await p.click('input[name="theme"][value="custom"]');
    await p.waitForSelector('#customColors:not([hidden])');
    await p.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="color-background"]')!;
      input.value = '#203040';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }, probe: style('.scroller', 'background-color'), stored: ['customColors', { text: '#1d1d1f', background: '#203040', link: '#0b57d0' }], expect: (v) => expect(v).toBe('rgb(32, 48, 64)') },
  // Dark theme with dimmed images; images are shown again so the filter can be read.
  { name: 'dimImages', act: async (p) => { await p.click('input[name="theme"][value="dark"]'); await p.click('input[name="showImages"]'); await p.click('input[name="dimImages"]'); }, probe: style('[data-reader-body] img', 'filter'), stored: ['dimImages', true], expect: (v) => expect(v).toMatch(/brightness/) },
];

/** Settings a later case changes again (theme, finally to dark; images back on to see them dimmed). */
const CHANGED_LATER = new Set(['theme', 'showImages', 'customColors']);

describe.each(BROWSERS)('settings in %s', (name) => {
  let server: PageServer;
  let longServer: PageServer;
  let env: ExtensionBrowser;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-long-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(tmp, 'long.html'), longArticle());
    server = await startPageServer();
    longServer = await startPageServer(tmp);
    env = await launch(name);
  });
  afterAll(async () => {
    await env?.close();
    await server?.close();
    await longServer?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function openReaderOn(url: string): Promise<Page> {
    const page = await env.browser.newPage();
    await page.goto(url);
    await env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    return page;
  }
  const storedSettings = () => env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings, null);

  test('each setting changes the open overlay live, is stored, and applies to a fresh overlay in a new tab', async () => {
    const page = await openReaderOn(server.url + 'sample-article.html');
    const popup = await env.openExtensionPage(`src/popup/index.html?tab=${await env.tabIdOf(page)}`);
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

    const fresh = await openReaderOn(server.url + 'sample-article.html');
    for (const c of CASES) {
      if (CHANGED_LATER.has(c.name)) continue;
      expect(await c.probe(fresh), `${c.name} after reopening`).toEqual(probes[c.name]);
    }
    expect(await fresh.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-theme'))).toBe('dark');
    // The stored custom colours come back when the custom theme is chosen again.
    await env.inExtension(async (api) => {
      const { settings } = await api.storage.sync.get('settings');
      await api.storage.sync.set({ settings: { ...settings, theme: 'custom' } });
    }, null);
    await expect.poll(() => style('.scroller', 'background-color')(fresh)).toBe('rgb(32, 48, 64)');

    // Reset puts the reader back to its defaults, live, and keeps the per-site choices.
    const popup2 = await env.openExtensionPage(`src/popup/index.html?tab=${await env.tabIdOf(fresh)}`);
    await popup2.waitForSelector('#toggle:not([disabled])');
    await popup2.click('input[name="shareButtons"]');
    await popup2.click('#reset');
    await expect.poll(() => fresh.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-theme'))).toBe('system');
    const afterReset = await storedSettings();
    expect(afterReset).toMatchObject({ fontFamily: 'serif', fontSize: 19, letterSpacing: 0, showImages: true, focusLine: false, textAlign: 'start' });
    expect(Object.values(afterReset.sites)).toEqual([{ suppress: { shareButtons: false } }]);
    await popup2.close();
    await fresh.close();
    await env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('the options page holds the same settings and drives an open overlay too', async () => {
    const page = await openReaderOn(server.url + 'sample-article.html');
    const options = await env.openExtensionPage('src/options/index.html');
    await options.waitForSelector('#fontFamily');
    await options.select('#fontFamily', 'mono');
    await options.click('[data-setting="wordSpacing"] [data-step="1"]');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.getAttribute('data-font'))).toBe('mono');
    await expect.poll(() => style('[data-reader-body]', 'word-spacing')(page)).not.toBe('0px');
    expect(await options.$eval('#preview', (e) => getComputedStyle(e).fontFamily)).toMatch(/monospace/);
    await options.close();
    await page.close();
    await env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('+ and - change the text size while the overlay is open; the bundled font loads', async () => {
    await env.inExtension((api) => api.storage.sync.set({ settings: { version: 1, fontFamily: 'literata' } }), null);
    const page = await openReaderOn(server.url + 'sample-article.html');
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
    await env.inExtension((api) => api.storage.sync.remove('settings'), null);
  });

  test('a long article gets a contents box, and reopening resumes where the reader left off', async () => {
    const url = longServer.url + 'long.html';
    const page = await openReaderOn(url);
    const toc = await page.evaluate(() => [...document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll('.toc a')].map((a) => a.textContent));
    expect(toc).toEqual(['Section heading 1', 'Detail 1', 'Section heading 2', 'Detail 2', 'Section heading 3', 'Detail 3', 'Section heading 4', 'Detail 4']);
    // Following a contents link scrolls the reader, not the page underneath.
    await page.evaluate(() => (document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll<HTMLElement>('.toc a')[4]!).click());
    const scrollTop = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.scroller')!.scrollTop);
    await expect.poll(scrollTop).toBeGreaterThan(200);
    expect(await page.evaluate(() => location.hash)).toBe('');
    // Smooth scrolling may still be under way; wait for it to settle.
    let before = -1;
    await expect.poll(async () => { const now = await scrollTop(); const settled = now === before; before = now; return settled; }, { interval: 150 }).toBe(true);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    const positions = await env.inExtension(async (api) => (await api.storage.local.get('readingPositions')).readingPositions, null);
    expect(positions[url].at).toBeGreaterThan(0.1);
    await page.close();

    const again = await openReaderOn(url);
    await expect.poll(async () => Math.abs((await again.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.scroller')!.scrollTop)) - before)).toBeLessThan(40);
    await again.close();
  });

  test('Copy MD puts the article on the clipboard as Markdown', async () => {
    const page = await openReaderOn(server.url + 'sample-article.html');
    if (name === 'chromium') {
      await env.browser.defaultBrowserContext().overridePermissions(server.url.slice(0, -1), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    }
    const copy = await page.evaluateHandle(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('button[title="Copy as Markdown"]')!);
    await (copy as any).click();
    const status = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[role="status"]')!.textContent);
    await expect.poll(status).toBe('Copied as Markdown');
    // Reading the clipboard back needs a permission only Chromium lets a test grant.
    if (name === 'chromium') {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toMatch(/^# Iran Promises 'Harsh Retaliation' On US After Death Of General Qasem Soleimani\n/);
      expect(text).toContain('Source: <' + server.url + 'sample-article.html>');
      expect(text).toContain('![');
    }
    await page.close();
  });
});
