/**
 * Save as Markdown / Save as HTML from the reader's "More" menu: a real click on "Save as Markdown
 * file" and "Save as HTML file" makes the browser save a file, and the file holds the article. Downloads go to a temporary
 * folder without a prompt (Chromium: CDP Browser.setDownloadBehavior; Firefox, which WebDriver
 * BiDi gives no download command here: the browser.download.* prefs), both set up by `launch`.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { inReader } from './harness/reader-page.ts';
import { useBrowser } from './harness/session.ts';

const HEADLINE = "Iran Promises 'Harsh Retaliation' On US After Death Of General Qasem Soleimani";
const FIRST_PARAGRAPH = "Iranian authorities have promised 'harsh retaliation' after the death of military commander Qasem Soleimani";

/** Waits for exactly one finished file ending in `extension` (no .crdownload/.part left). */
async function downloaded(dir: string, extension: string): Promise<string> {
  let found: string | undefined;
  await expect.poll(() => {
    const names = fs.readdirSync(dir);
    const partial = names.some((n) => /\.(crdownload|part)$/.test(n));
    const done = names.filter((n) => n.endsWith(extension));
    found = !partial && done.length === 1 && fs.statSync(path.join(dir, done[0]!)).size > 0 ? done[0] : undefined;
    return found;
  }, { timeout: 10_000, message: `a ${extension} file in ${dir}` }).toBeTruthy();
  return fs.readFileSync(path.join(dir, found!), 'utf8');
}

/** Opens the toolbar's "More" menu and picks an item: real pointer input, as the reader ignores synthetic clicks. */
async function menuItem(page: Page, action: string): Promise<ElementHandle<HTMLElement>> {
  const open = await page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[data-reader-action="more"]')!.getAttribute('aria-expanded'));
  if (open !== 'true') await (await inReader(page, '[data-reader-action="more"]')).click();
  return inReader(page, `[data-reader-action="${action}"]`);
}

describe.each(BROWSERS)('export in %s', (name) => {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-downloads-'));
  const session = useBrowser(name, { downloadDir: downloads });
  afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

  test('"Save as Markdown file" and "Save as HTML file" save the article as Markdown and as script-free HTML', async () => {
    const page = await session.open('sample-article.html');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const status = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[role="status"]')!.textContent);

    const save = await menuItem(page, 'save-markdown');
    expect(await save.evaluate((b) => b.textContent)).toBe('Save as Markdown file');
    await save.click();
    await expect.poll(status).toBe('Saved');
    const md = await downloaded(downloads, '.md');
    expect(md.startsWith(`# ${HEADLINE}\n`), md.slice(0, 200)).toBe(true);
    expect(md).toContain(FIRST_PARAGRAPH);
    expect(md).toContain(`<${session.server.url}sample-article.html>`);

    const saveHtml = await menuItem(page, 'save-html');
    expect(await saveHtml.evaluate((b) => b.textContent)).toBe('Save as HTML file');
    await saveHtml.click();
    const html = await downloaded(downloads, '.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<h1>${HEADLINE.replace(/'/g, '&#39;')}</h1>`);
    expect(html).toContain('Iranian authorities have promised');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    // The file names come from the headline.
    expect(fs.readdirSync(downloads).sort()).toEqual(['iran-promises-harsh-retaliation-on-us-after-death-of-general-qasem-soleimani.html', 'iran-promises-harsh-retaliation-on-us-after-death-of-general-qasem-soleimani.md']);
  });
});
