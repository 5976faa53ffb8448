/**
 * The reader on real pages, at a desktop and a phone width, for a person to look at: screenshots
 * land in test-output/reader/ (not committed). The pages are saved real articles, made small
 * (test/pages/real/README.md credits them). Each must open as an article, with one headline, the
 * measure of the default setting, and nothing wider than the screen.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import { BROWSERS } from './harness/browsers.ts';
import { readOverlay } from './harness/overlay.ts';
import { lineStats } from './harness/lines.ts';
import { clearSettings, openReaderAt, readerEval } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

/** News, a code-heavy engineering blog, an encyclopedia article, French, Chinese, Czech, long-form with pictures, a company blog. */
const PAGES = ['ars-1', 'v8-blog', 'wikipedia', 'lemonde-1', 'qq', 'aktualne', 'quanta-1', 'dropbox-blog'];
const CJK = new Set(['qq']);

describe.each(BROWSERS)('the reader on real pages in %s', (name) => {
  const session = useBrowser(name);
  beforeAll(async () => {
    fs.mkdirSync('test-output/reader', { recursive: true });
    await clearSettings(session.env);
  });

  test.each(PAGES)('%s at 1280 and 390 px', async (file) => {
    const page = await session.open('about:blank');
    for (const width of [1280, 390]) {
      await openReaderAt(session.env, page, `${session.server.url}real/${file}.html`, width, width > 600 ? 900 : 844);
      const overlay = await readOverlay(page);
      expect(overlay.error, `${file} opens as an article`).toBeNull();
      expect(overlay.h1s).toHaveLength(1);
      const fit = await readerEval(page, (root) => {
        const s = root.querySelector('.scroller') as HTMLElement;
        return s.scrollWidth <= s.clientWidth;
      }, null);
      expect(fit, `${file} at ${width}px fits the screen`).toBe(true);
      if (width === 1280 && !CJK.has(file)) {
        const lines = await lineStats(page);
        if (lines.full.length >= 10) expect(lines.max, `${file}: longest line`).toBeLessThanOrEqual(72);
      }
      await page.screenshot({ path: `test-output/reader/${name}-${file}-${width}.png` });
      await page.keyboard.press('Escape');
    }
  });
});
