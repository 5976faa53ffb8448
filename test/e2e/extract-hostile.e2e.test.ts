/**
 * Hostile pages against extraction, in real browsers (the jsdom unit tests emulate what these
 * exercise natively): DOM clobbering through form and document named properties, which froze
 * Chromium at 100% CPU or made the reader refuse the article; and pages too large to read, which
 * blocked the tab for seconds. Each must end in the article or in a clear sentence, with the page
 * still responsive.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readOverlay, waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';

describe.each(BROWSERS)('hostile pages against extraction in %s', (name) => {
  const session = useBrowser(name);

  test('an article whose form controls are named parentNode, getAttribute, tagName… opens (no freeze, no refusal)', async () => {
    const page = await session.open('clobbered-article.html');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const overlay = await readOverlay(page);
    expect(overlay.error).toBeNull();
    expect(overlay.h1s).toEqual(['Lighthouse keepers of the north coast']);
    expect(overlay.body).toContain('the logbooks record storms, rescues and the long, quiet nights between');
    // The page's own controls keep their names: the live page was only read.
    expect(await page.evaluate(() => Document.prototype.querySelectorAll.call(document, 'input[name="parentNode"]').length)).toBe(1);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
  });

  for (const [file, what] of [
    ['deep-nesting.html', '1,000-deep nesting (four times the depth limit)'],
    ['huge-text.html', '12 MB of text (three times the text limit)'],
    ['huge-table.html', 'a 20,000-row table'],
  ] as const) {
    test(`${what} gets "too large to read here" instead of a stalled tab`, async () => {
      const page = await session.open(file);
      await page.waitForFunction(() => document.documentElement.dataset.built === 'yes', { polling: 100, timeout: 30_000 });
      await session.env.command('toggle-reader', page);
      await waitForOverlay(page, true);
      const overlay = await readOverlay(page);
      expect(overlay.error).toMatch(/too large to read here/i);
      // The tab still answers.
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await page.keyboard.press('Escape');
      await waitForOverlay(page, false);
    });
  }
});
