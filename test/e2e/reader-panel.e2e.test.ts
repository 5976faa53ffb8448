/**
 * The in-reader settings panel ("Aa") and the toolbar (issue 12). What was missing: inside the
 * reader there was only A−/A+; theme, font, width and spacing needed the toolbar popup, and on a
 * phone the toolbar wrapped to two rows. The panel must change each setting live, from the
 * pointer and the keyboard, close with Esc without closing the reader, and fit a phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { clearSettings, inReader, openReaderAt, readerEval } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

const host = (page: Page, what: string) => page.evaluate((w) => {
  const h = document.querySelector('[data-reader-overlay]') as HTMLElement;
  return w.startsWith('--') ? h.style.getPropertyValue(w) : h.getAttribute(w);
}, what);
const computed = (page: Page, selector: string, prop: string) =>
  readerEval(page, (root, _host, a) => getComputedStyle(root.querySelector(a.selector)!).getPropertyValue(a.prop), { selector, prop });
const stored = (session: ReturnType<typeof useBrowser>) =>
  session.env.inExtension(async (api) => (await api.storage.sync.get('settings')).settings, null);

describe.each(BROWSERS)('reader panel in %s', (name) => {
  const session = useBrowser(name);
  beforeAll(async () => {
    fs.mkdirSync('test-output/reader', { recursive: true });
    await clearSettings(session.env);
  });
  afterAll(() => clearSettings(session.env));

  test('the Aa panel (data-reader-action="settings") changes every setting it holds, live, and stores it', async () => {
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'sample-article.html', 1280, 900);
    await (await inReader(page, '[data-reader-action="settings"]')).click();
    expect(await readerEval(page, (root) => (root.querySelector('.panel') as HTMLElement).hidden, null)).toBe(false);
    const click = async (selector: string) => (await inReader(page, `.panel ${selector}`)).click();
    const columnWidth = () => readerEval(page, (root) => root.querySelector('.column')!.getBoundingClientRect().width, null);

    await click('input[name="theme"][value="sepia"] + span');
    await expect.poll(() => host(page, 'data-theme')).toBe('sepia');
    expect(await computed(page, '.scroller', 'background-color')).toBe('rgb(245, 237, 219)');

    await click('input[name="fontFamily"][value="sans"] + span');
    await expect.poll(() => host(page, 'data-font')).toBe('sans');
    expect(await computed(page, '.scroller', 'font-family')).toMatch(/system-ui/);

    const narrowAt19 = await columnWidth();
    await click('[data-setting="fontSize"] [data-step="1"]');
    await expect.poll(() => computed(page, '.scroller', 'font-size')).toBe('20px');
    // The measure follows the text size: the same number of characters, in bigger letters.
    await expect.poll(columnWidth).toBeGreaterThan(narrowAt19);

    await click('[data-setting="contentWidth"] [data-step="1"]');
    await expect.poll(() => host(page, '--measure-chars')).toBe('70');
    await click('[data-setting="contentWidth"] [data-step="-1"]');
    await click('[data-setting="contentWidth"] [data-step="-1"]');
    await expect.poll(() => host(page, '--measure-chars')).toBe('62');

    await click('[data-setting="lineHeight"] [data-step="1"]');
    await expect.poll(async () => parseFloat(await computed(page, '.scroller', 'line-height'))).toBeCloseTo(35, 0);
    await click('[data-setting="letterSpacing"] [data-step="1"]');
    await expect.poll(async () => parseFloat(await computed(page, '[data-reader-body]', 'letter-spacing'))).toBeCloseTo(0.4, 1);
    await click('[data-setting="wordSpacing"] [data-step="1"]');
    await expect.poll(async () => parseFloat(await computed(page, '[data-reader-body]', 'word-spacing'))).toBeCloseTo(1, 1);
    await click('input[name="textAlign"][value="justify"] + span');
    await expect.poll(() => computed(page, '[data-reader-body]', 'text-align')).toBe('justify');

    await expect.poll(() => stored(session)).toMatchObject({
      theme: 'sepia', fontFamily: 'sans', fontSize: 20, contentWidth: 58, lineHeight: 1.75, letterSpacing: 0.02, wordSpacing: 0.05, textAlign: 'justify',
    });
    // The panel shows what is stored (the same settings module as the popup's).
    expect(await readerEval(page, (root) => root.querySelector('.panel [data-setting="fontSize"] output')!.textContent, null)).toBe('20px');

    // Reset puts the text back to its defaults, live.
    await click('[data-action="reset"]');
    await expect.poll(() => host(page, 'data-font')).toBe('literata');
    await expect.poll(() => host(page, '--measure-chars')).toBe('66');
  });

  test('the panel works from the keyboard; Esc closes the panel first, then the reader', async () => {
    await clearSettings(session.env);
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'sample-article.html', 1280, 900);
    const aa = await inReader(page, '[data-reader-action="settings"]');
    await aa.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !(document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.panel') as HTMLElement).hidden, { polling: 50 });
    // Focus went into the panel, on the chosen theme; the arrow keys move through the themes.
    expect(await readerEval(page, (root) => (root.activeElement as HTMLInputElement | null)?.name, null)).toBe('theme');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => host(page, 'data-theme')).toBe('light');
    // Tab to the font choices, then on to the size stepper's "+", and press it.
    await page.keyboard.press('Tab');
    expect(await readerEval(page, (root) => (root.activeElement as HTMLInputElement | null)?.name, null)).toBe('fontFamily');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => host(page, 'data-font')).toBe('serif');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await readerEval(page, (root) => root.activeElement?.closest('[data-setting]')?.getAttribute('data-setting'), null)).toBe('fontSize');
    await page.keyboard.press(' ');
    await expect.poll(() => computed(page, '.scroller', 'font-size')).toBe('20px');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.panel') as HTMLElement).hidden, { polling: 50 });
    expect(await readerEval(page, (root) => root.activeElement?.getAttribute('data-reader-action'), null)).toBe('settings');
    expect(await page.evaluate(() => !!document.querySelector('[data-reader-overlay]'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-reader-overlay]'), { polling: 50 });
  });

  test('on a 390×844 phone the toolbar is one row (Listen as a glyph, the highlights list in the menu), export and print sit in a menu, and the panel is a sheet within the screen', async () => {
    await clearSettings(session.env);
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'sample-article.html', 390, 844);
    const bar = await readerEval(page, (root) => {
      const buttons = [...root.querySelectorAll<HTMLElement>('.bar-row > button, .bar-row > .slot > button, .bar-row > .tool-wrap:not([hidden]) > button')]
        .filter((b) => b.getClientRects().length > 0);
      const tops = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      return { rows: tops.size, height: root.querySelector('.bar')!.getBoundingClientRect().height, labels: buttons.map((b) => b.getAttribute('aria-label')) };
    }, null);
    expect(bar.rows).toBe(1);
    expect(bar.height).toBeLessThan(64);
    expect(bar.labels).toEqual(['Close reader (Esc)', expect.stringMatching(/^Listen\b/), 'Text and theme', 'Save, copy and print']);

    await (await inReader(page, '[data-reader-action="more"]')).click();
    const menu = await readerEval(page, (root) => [...root.querySelectorAll<HTMLElement>('.menu [role="menuitem"]')].filter((i) => i.getClientRects().length > 0).map((i) => i.textContent), null);
    expect(menu).toEqual(['Highlights and notes (0)', 'Copy as Markdown', 'Save as Markdown file', 'Save as HTML file', 'Print…']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await readerEval(page, (root) => root.activeElement?.textContent, null)).toBe('Save as Markdown file');
    await page.keyboard.press('Escape');
    // The menu's stand-in opens the highlights list under the toolbar; Esc there gives focus back to More.
    await (await inReader(page, '[data-reader-action="more"]')).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => readerEval(page, (root) => (root.querySelector('.highlights-panel') as HTMLElement).hidden, null)).toBe(false);
    expect(await readerEval(page, (root) => !!root.activeElement?.closest('.highlights-panel'), null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await readerEval(page, (root) => (root.querySelector('.highlights-panel') as HTMLElement).hidden, null)).toBe(true);
    expect(await readerEval(page, (root) => root.activeElement?.getAttribute('data-reader-action'), null)).toBe('more');
    expect(await page.evaluate(() => !!document.querySelector('[data-reader-overlay]'))).toBe(true);
    await page.screenshot({ path: `test-output/reader/${name}-phone-390.png` });

    await (await inReader(page, '[data-reader-action="settings"]')).click();
    const sheet = await readerEval(page, (root) => {
      const r = root.querySelector('.panel')!.getBoundingClientRect();
      const scroll = root.querySelector('.panel')!;
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, overflowX: scroll.scrollWidth > scroll.clientWidth };
    }, null);
    expect(sheet.left).toBeGreaterThanOrEqual(0);
    expect(sheet.right).toBeLessThanOrEqual(390);
    expect(sheet.top).toBeGreaterThan(0);
    expect(Math.round(sheet.bottom)).toBeLessThanOrEqual(844);
    expect(sheet.overflowX).toBe(false);
    await page.screenshot({ path: `test-output/reader/${name}-phone-390-panel.png` });
    // Every control in the sheet can be reached: the last one scrolls into view and works.
    await (await inReader(page, '.panel input[name="textAlign"][value="justify"] + span')).click();
    await expect.poll(() => computed(page, '[data-reader-body]', 'text-align')).toBe('justify');
  });

  test('the toolbar steps aside while reading down and comes back on scrolling up', async () => {
    await clearSettings(session.env);
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'layout/late-images.html', 1280, 800);
    const hidden = () => readerEval(page, (root) => root.querySelector('.bar')!.hasAttribute('data-hidden'), null);
    await page.mouse.move(640, 500);
    for (let i = 0; i < 6; i++) await page.mouse.wheel({ deltaY: 300 });
    await expect.poll(hidden).toBe(true);
    await page.mouse.wheel({ deltaY: -200 });
    await expect.poll(hidden).toBe(false);
  });

  test('a scroll the reader makes by itself (a resumed position, the sentence read aloud) leaves the toolbar in reach', async () => {
    await clearSettings(session.env);
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'layout/late-images.html', 1280, 800);
    const hidden = () => readerEval(page, (root) => root.querySelector('.bar')!.hasAttribute('data-hidden'), null);
    await readerEval(page, (root) => root.querySelector('.scroller')!.scrollBy({ top: 1500, behavior: 'instant' }), null);
    await new Promise((r) => setTimeout(r, 300));
    expect(await readerEval(page, (root) => root.querySelector('.scroller')!.scrollTop, null)).toBeGreaterThan(1000);
    expect(await hidden()).toBe(false);
    // On a wide screen the highlights list has its own button; the menu has no stand-in for it.
    expect(await readerEval(page, (root) => [root.querySelector('.highlights-button')!.getClientRects().length > 0, root.querySelector('[data-overflow-of]')!.getClientRects().length], null)).toEqual([true, 0]);
    // Listen is where it was, and a real click on it works.
    await (await inReader(page, '[data-reader-action="listen"]')).click();
    await expect.poll(() => readerEval(page, (root) => root.querySelector('.read-aloud')!.hasAttribute('hidden'), null)).toBe(false);
    // The user's own reading down still hides it.
    await page.mouse.move(640, 500);
    for (let i = 0; i < 3; i++) await page.mouse.wheel({ deltaY: 300 });
    await expect.poll(hidden).toBe(true);
  });
});
