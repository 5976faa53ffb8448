/**
 * Save as Markdown / Save as HTML from the overlay's toolbar: a real click on "↓ MD" and "↓ HTML"
 * makes the browser save a file, and the file holds the article. Downloads go to a temporary
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

const toolbarButton = async (page: Page, title: string) =>
  (await page.evaluateHandle((t) => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector(`button[title="${t}"]`)!, title)) as ElementHandle<HTMLButtonElement>;

describe.each(BROWSERS)('export in %s', (name) => {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-downloads-'));
  const session = useBrowser(name, { downloadDir: downloads });
  afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

  test('↓ MD and ↓ HTML save the article as a Markdown file and a script-free HTML file', async () => {
    const page = await session.open('sample-article.html');
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    const status = () => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[role="status"]')!.textContent);

    // The button ignores synthetic clicks (isTrusted), so this is real pointer input.
    await (await toolbarButton(page, 'Save as Markdown')).click();
    await expect.poll(status).toBe('Saved');
    const md = await downloaded(downloads, '.md');
    expect(md.startsWith(`# ${HEADLINE}\n`), md.slice(0, 200)).toBe(true);
    expect(md).toContain(FIRST_PARAGRAPH);
    expect(md).toContain(`<${session.server.url}sample-article.html>`);

    await (await toolbarButton(page, 'Save as HTML')).click();
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
