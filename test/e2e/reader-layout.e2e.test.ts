/**
 * The reader set like a good book (issue 12), in real Chromium and Firefox ESR on a system
 * without extra fonts. What broke: lines of 96–108 characters (a width in em, set in whatever
 * narrow serif the system had); a headline that overflowed a phone at the largest size; a
 * contents box that numbered sub-headings into the sequence and listed a wiki's own "Contents"
 * and "[edit]" links; the reading time breaking across lines.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { lineStats } from './harness/lines.ts';
import { clearSettings, inReader, openReaderAt, readerEval, scrollSettled, settled, storeSettings, waitForHost } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

const FONTS = ['literata', 'serif', 'sans', 'atkinson', 'mono'] as const;
const SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36, 40];
const SMALLEST = SIZES[0]!;
const DEFAULT_SIZE = 19;
const LARGEST = SIZES.at(-1)!;

describe.each(BROWSERS)('reader layout in %s', (name) => {
  const session = useBrowser(name);
  beforeAll(() => fs.mkdirSync('test-output/reader', { recursive: true }));
  afterAll(() => clearSettings(session.env));

  async function setTo(page: Page, settings: { fontFamily: string; fontSize: number }) {
    await storeSettings(session.env, settings);
    await waitForHost(page, { font: settings.fontFamily, size: settings.fontSize });
    await settled(page);
  }

  test.each(['sample-article.html', 'real/ars-1.html'])('characters per line on %s: 60–72 at the default and smallest sizes in every font at 1280 px; never over 72 at any size, at 1280 or 390 px', async (file) => {
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + file, 1280, 900);
    const seen: string[] = [];
    for (const font of FONTS) {
      for (const width of [1280, 390]) {
        await page.setViewport({ width, height: width > 600 ? 900 : 844 });
        for (const size of [SMALLEST, DEFAULT_SIZE, LARGEST]) {
          await setTo(page, { fontFamily: font, fontSize: size });
          const lines = await lineStats(page);
          const label = `${font} ${size}px at ${width}px: median ${lines.median}, max ${lines.max}, ${lines.full.length} full lines`;
          seen.push(label);
          expect(lines.full.length, label).toBeGreaterThan(5);
          expect(lines.max, label).toBeLessThanOrEqual(72);
          if (width === 1280 && size <= DEFAULT_SIZE) {
            expect(lines.median, label).toBeGreaterThanOrEqual(60);
            expect(lines.median, label).toBeLessThanOrEqual(72);
          }
        }
      }
    }
    console.log(`[${name}] ${file}\n  ${seen.join('\n  ')}`);
  });

  test('nothing overflows a 320 px screen at any text size: long words and addresses break, tables and code scroll inside themselves, the headline scales', async () => {
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'layout/overflow.html', 320, 640);
    const headlines: number[] = [];
    for (const size of SIZES) {
      await setTo(page, { fontFamily: 'literata', fontSize: size });
      const result = await readerEval(page, (root) => {
        const scroller = root.querySelector('.scroller') as HTMLElement;
        const limit = document.documentElement.clientWidth + 0.5;
        const outside: string[] = [];
        for (const el of root.querySelectorAll('.page *')) {
          // Tables and code blocks scroll inside their own box; what is inside them may be wider.
          if (el.closest('table, pre') && !el.matches('table, pre')) continue;
          const r = el.getBoundingClientRect();
          if (r.width && r.right > limit) outside.push(`${el.tagName.toLowerCase()} ${Math.round(r.right)}`);
        }
        const title = root.querySelector('h1')!;
        return {
          scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, outside: outside.slice(0, 5),
          title: parseFloat(getComputedStyle(title).fontSize), titleRight: title.getBoundingClientRect().right,
          readingTime: root.querySelector('.reading-time')!.getClientRects().length,
        };
      }, null);
      expect(result.scrollWidth, `${size}px`).toBeLessThanOrEqual(result.clientWidth);
      expect(result.outside, `${size}px`).toEqual([]);
      // "19 min read" is one piece: it never breaks across lines.
      expect(result.readingTime, `${size}px`).toBe(1);
      headlines.push(result.title);
    }
    // The headline grows with the text size but not past what a phone can hold.
    expect(headlines.at(-1)!).toBeGreaterThan(headlines[0]!);
    expect(Math.max(...headlines)).toBeLessThan(64);
    await page.screenshot({ path: `test-output/reader/${name}-overflow-320-largest.png` });
  });

  test('the headline is smaller on a phone than on a desktop at the same text size', async () => {
    const page = await session.open('about:blank');
    await clearSettings(session.env);
    await openReaderAt(session.env, page, session.server.url + 'sample-article.html', 1280, 900);
    const size = () => readerEval(page, (root) => parseFloat(getComputedStyle(root.querySelector('h1')!).fontSize), null);
    const desktop = await size();
    await page.setViewport({ width: 390, height: 844 });
    await settled(page);
    expect(await size()).toBeLessThan(desktop * 0.75);
  });

  test('contents: top-level sections numbered, subsections nested, no "Contents" or "[edit]", closed on a phone, the current section marked', async () => {
    const page = await session.open('about:blank');
    await clearSettings(session.env);
    await openReaderAt(session.env, page, session.server.url + 'layout/sections.html', 1280, 900);
    const box = () => readerEval(page, (root) => {
      const toc = root.querySelector('.toc')!;
      const top = [...toc.querySelectorAll('ol.toc-list > li')];
      return {
        open: (toc.querySelector('details') as HTMLDetailsElement).open,
        numbered: top.map((li) => li.querySelector(':scope > a')!.textContent),
        nested: top.map((li) => [...li.querySelectorAll('ul a')].map((a) => a.textContent)),
        markers: top.map((li) => getComputedStyle(li).listStyleType),
        // Every number sits inside the box (issue 12: "10." sat on its edge).
        numbersInside: (() => {
          const boxLeft = toc.getBoundingClientRect().left;
          return top.every((li) => li.getBoundingClientRect().left - 2.2 * parseFloat(getComputedStyle(li).fontSize) >= boxLeft - 1);
        })(),
        all: [...toc.querySelectorAll('a')].map((a) => a.textContent),
      };
    }, null);
    const wide = await box();
    expect(wide.numbered).toEqual(['Background', 'The hearing', 'What the engineers said', 'Money', 'Upstream', 'The vote', 'What happens next']);
    expect(wide.nested[1]).toEqual(['The hearing: the details', 'The hearing: who spoke']);
    expect(wide.nested[0]).toEqual([]);
    expect(wide.markers.every((m) => m === 'decimal')).toBe(true);
    expect(wide.all.some((t) => /contents|edit/i.test(t ?? ''))).toBe(false);
    expect(wide.open).toBe(true);
    expect(wide.numbersInside).toBe(true);

    // The contents list in the toolbar marks the section being read.
    await readerEval(page, (root) => [...root.querySelectorAll<HTMLElement>('[data-reader-body] h2')].find((h) => h.textContent!.startsWith('Money'))!.scrollIntoView({ block: 'start' }), null);
    await page.waitForFunction(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.toc a[aria-current="location"]')?.textContent === 'Money', { polling: 100, timeout: 5000 });
    // The user reads on (a jump the reader makes by itself leaves the toolbar in place).
    await page.mouse.move(640, 500);
    await page.mouse.wheel({ deltaY: 60 });
    await scrollSettled(page);
    // Reading down hid the toolbar; the pointer at the top brings it back.
    expect(await readerEval(page, (root) => root.querySelector('.bar')!.hasAttribute('data-hidden'), null)).toBe(true);
    await page.mouse.move(640, 12);
    await page.mouse.move(640, 10);
    await page.waitForFunction(() => !document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.bar')!.hasAttribute('data-hidden'), { polling: 50, timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    await (await inReader(page, '[data-reader-action="contents"]')).click();
    expect(await readerEval(page, (root) => root.querySelector('.contents-popup a[aria-current="location"]')?.textContent, null)).toBe('Money');
    // Following an entry there scrolls the reader to it and closes the list.
    await (await inReader(page, '.contents-popup ol > li:nth-child(6) > a')).click();
    await page.waitForFunction(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.toc a[aria-current="location"]')?.textContent === 'The vote', { polling: 100, timeout: 5000 });
    expect(await readerEval(page, (root) => (root.querySelector('.contents-popup') as HTMLElement).hidden, null)).toBe(true);
    await page.keyboard.press('Escape');

    const phone = await session.open('about:blank');
    await openReaderAt(session.env, phone, session.server.url + 'layout/sections.html', 390, 844);
    expect(await readerEval(phone, (root) => (root.querySelector('.toc details') as HTMLDetailsElement).open, null)).toBe(false);
  });

  test('a page that cannot be read shows only the message and Close', async () => {
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'not-an-article.html', 1280, 900);
    const visible = await readerEval(page, (root) => [...root.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => b.getAttribute('data-reader-action') ?? b.textContent), null);
    expect(visible).toEqual(['close', 'Close']);
    await (await inReader(page, '.error-close')).click();
    await page.waitForFunction(() => !document.querySelector('[data-reader-overlay]'), { polling: 100 });
  });

  test('right-to-left: the article follows its own direction, the reader\'s controls the UI language\'s, and "2 min read" reads in order', async () => {
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'layout/rtl-article.html', 1280, 900);
    const seen = await readerEval(page, (root) => {
      const article = root.querySelector('article')!;
      const reading = root.querySelector('.reading-time')!;
      const bar = root.querySelector('.bar')!;
      const close = root.querySelector('[data-reader-action="close"]')!.getBoundingClientRect();
      const more = root.querySelector('[data-reader-action="more"]')!.getBoundingClientRect();
      // The digit comes first, reading left to right, as in English anywhere.
      const range = document.createRange();
      const text = reading.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 1);
      const digit = range.getBoundingClientRect().left;
      range.setStart(text, text.textContent!.length - 1);
      range.setEnd(text, text.textContent!.length);
      const lastLetter = range.getBoundingClientRect().left;
      return {
        articleDir: getComputedStyle(article).direction, barDir: getComputedStyle(bar).direction,
        readingDir: getComputedStyle(reading).direction, text: reading.textContent, inOrder: digit < lastLetter,
        closeFirst: close.left < more.left,
        titleAlign: root.querySelector('h1')!.getBoundingClientRect().right > root.querySelector('.column')!.getBoundingClientRect().right - 2,
      };
    }, null);
    expect(seen).toEqual({ articleDir: 'rtl', barDir: 'ltr', readingDir: 'ltr', text: expect.stringMatching(/^\d+ min read$/), inOrder: true, closeFirst: true, titleAlign: true });
    await page.screenshot({ path: `test-output/reader/${name}-rtl-1280.png` });
  });
});
