/**
 * Resume and print (issue 12). What broke: in Firefox the reader resumed at 44% instead of 60%,
 * because the position was applied once, before pictures and fonts had arrived and the article
 * reached its height; and printing dropped the measure (110-character lines on paper).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { clearSettings, openReaderAt, readerEval, scrollSettled, storeSettings } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

/** The paragraph at the top of the text (just under the toolbar) and how far it sits from there. */
const topParagraph = (page: Page) => readerEval(page, (root) => {
  const bar = root.querySelector('.bar')!.getBoundingClientRect();
  const top = bar.bottom > 0 ? bar.bottom : 0;
  const p = [...root.querySelectorAll('[data-reader-body] p')].find((el) => el.getBoundingClientRect().bottom > top)!;
  return { text: p.textContent!.split('.')[0], offset: Math.round(p.getBoundingClientRect().top - top) };
}, null);
const imagesLoaded = (page: Page) => readerEval(page, (root) => [...root.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0), null);

describe.each(BROWSERS)('resume and print in %s', (name) => {
  const session = useBrowser(name);
  beforeAll(() => fs.mkdirSync('test-output/reader', { recursive: true }));
  afterAll(() => clearSettings(session.env));

  test('resume after a reload lands on the same paragraph, though the pictures above it arrive late', async () => {
    await clearSettings(session.env);
    const url = session.server.url + 'layout/late-images.html';
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, url, 1280, 800);
    await expect.poll(() => imagesLoaded(page), { timeout: 10_000 }).toBe(true);
    // Read down to paragraph 25 (by the keyboard, as a reader would scroll).
    await readerEval(page, (root) => {
      const p = [...root.querySelectorAll('[data-reader-body] p')].find((el) => el.textContent!.startsWith('Paragraph 25.'))!;
      const scroller = root.querySelector('.scroller')!;
      scroller.scrollTo({ top: scroller.scrollTop + p.getBoundingClientRect().top - 200, behavior: 'instant' });
    }, null);
    await page.keyboard.press('ArrowDown');
    await scrollSettled(page);
    const before = await topParagraph(page);
    expect(before.text).toMatch(/^Paragraph 2[45]$/);
    await new Promise((r) => setTimeout(r, 700)); // the position is saved once scrolling settles
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);

    // Reload: the pictures take 1.5 s again, so the article grows after the reader has resumed.
    await page.reload();
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    await expect.poll(() => imagesLoaded(page), { timeout: 10_000 }).toBe(true);
    await scrollSettled(page);
    const after = await topParagraph(page);
    expect(after.text).toBe(before.text);
    expect(Math.abs(after.offset - before.offset)).toBeLessThan(24);
  });

  test('print keeps the measure, the pictures and captions (even with pictures off on screen), and puts the address and date at the end', async () => {
    await storeSettings(session.env, { showImages: false, theme: 'dark' });
    const page = await session.open('about:blank');
    await openReaderAt(session.env, page, session.server.url + 'sample-article.html', 1280, 900);
    const screen = await readerEval(page, (root) => root.querySelector('.column')!.getBoundingClientRect().width, null);
    await session.env.emulateMedia(page, 'print');
    try {
      const printed = await readerEval(page, (root) => {
        const img = root.querySelector('[data-reader-body] img')!;
        const footer = root.querySelector('.print-footer')!;
        return {
          column: root.querySelector('.column')!.getBoundingClientRect().width,
          image: getComputedStyle(img).display, caption: getComputedStyle(root.querySelector('figcaption')!).display,
          footer: getComputedStyle(footer).display, footerText: footer.textContent,
          bar: getComputedStyle(root.querySelector('.bar')!).display, page: getComputedStyle(document.body).display,
          ink: getComputedStyle(root.querySelector('.scroller')!).color,
        };
      }, null);
      // The column is the reading measure, not the width of the paper.
      expect(printed.column).toBeCloseTo(screen, 0);
      expect(printed.column).toBeLessThan(900);
      expect(printed).toMatchObject({ image: 'block', caption: 'block', footer: 'block', bar: 'none', page: 'none', ink: 'rgb(0, 0, 0)' });
      expect(printed.footerText).toContain(session.server.url + 'sample-article.html');
      expect(printed.footerText).toMatch(/Printed \w+ \d{1,2}, \d{4}/);
      await page.screenshot({ path: `test-output/reader/${name}-print.png` });
    } finally {
      await session.env.emulateMedia(page, 'screen');
    }
  });
});
