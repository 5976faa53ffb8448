/**
 * A page that fights back: it hides injected elements with !important rules, swallows keys at
 * the document, breaks DOM APIs in its own world, and carries script in its article HTML. The
 * reader must still open, show the article, run none of the page's code, and close with Esc.
 */
import { describe, expect, test } from 'vitest';
import { BROWSERS } from './harness/browsers.ts';
import { readOverlay, waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';

describe.each(BROWSERS)('hostile page in %s', (name) => {
  const session = useBrowser(name);

  // Regression: Chromium kept the page's onerror handler on an image DOMPurify had already stripped.
  test('the reader opens, stays visible, runs no page code (not even a stripped onerror) and closes with Esc', async () => {
    const page = await session.open('hostile-article.html');
    const pwnedBefore = await page.evaluate(() => (window as any).__pwned);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);

    const overlay = await readOverlay(page);
    expect(overlay.h1s).toEqual(['An article that fights back']);
    expect(overlay.body).toContain('Paragraph 12 of the hostile article');
    const box = await page.evaluate(() => {
      const host = document.querySelector('[data-reader-overlay]') as HTMLElement;
      const r = host.getBoundingClientRect();
      return { display: getComputedStyle(host).display, opacity: getComputedStyle(host).opacity, w: r.width, h: r.height };
    });
    expect(box.display).toBe('block');
    expect(box.opacity).toBe('1');
    expect(box.w).toBeGreaterThanOrEqual(page.viewport()?.width ?? 700);
    // Give any smuggled handler (onerror, onload, javascript:) time to fire.
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => (window as any).__pwned)).toBe(pwnedBefore);

    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
  });
});
