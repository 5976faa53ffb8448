/**
 * Whether a page scrolls for a real user: a mouse-wheel turn through the browser's input pipeline
 * (CDP / WebDriver BiDi), not window.scrollBy, which moves a locked page too.
 */
import type { Page } from 'puppeteer-core';

export async function wheelScrolls(page: Page): Promise<boolean> {
  await page.bringToFront();
  const before = await page.evaluate(() => Math.round(scrollY));
  await page.mouse.move(200, 200);
  await page.mouse.wheel({ deltaY: 500 });
  // Smooth scrolling takes a few frames; a locked page never moves.
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline) {
    const now = await page.evaluate(() => Math.round(scrollY));
    if (now > before) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
