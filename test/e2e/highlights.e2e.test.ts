/**
 * Highlights and notes, as a user makes them, in Chromium and Firefox ESR: select with the mouse
 * and pick a colour, select and press H to add a note, edit and delete from the mark or the list
 * (also with the keyboard alone), and find them again when the reader is opened again, in both
 * exports and in "Copy highlights". Re-anchoring after the page changed, and surviving a browser
 * restart, are in highlights-persist.e2e.test.ts.
 */
import { afterAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { axe } from './harness/axe.ts';
import { BROWSERS } from './harness/browsers.ts';
import { highlights, inOverlay, menuAction, overlayAttr, selectText, textBox } from './harness/in-overlay.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const GREEN = 'Nobody in the town was ready.';
const NOTED = 'He carried bread across twice a day.';
const PINK = 'The council has already chosen a name.';

const status = (page: Page) => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('[role="status"]')!.textContent);
const focusedLabel = (page: Page) => page.evaluate(() => {
  const active = document.querySelector('[data-reader-overlay]')!.shadowRoot!.activeElement;
  return active ? active.getAttribute('aria-label') ?? active.tagName : null;
});

async function openReader(session: ReturnType<typeof useBrowser>, file: string): Promise<Page> {
  const page = await session.open(file);
  await session.env.command('toggle-reader', page);
  await waitForOverlay(page, true);
  return page;
}

async function downloaded(dir: string, extension: string): Promise<string> {
  let found: string | undefined;
  await expect.poll(() => {
    const names = fs.readdirSync(dir);
    const done = names.filter((n) => n.endsWith(extension));
    found = !names.some((n) => /\.(crdownload|part)$/.test(n)) && done.length === 1 && fs.statSync(path.join(dir, done[0]!)).size > 0 ? done[0] : undefined;
    return found;
  }, { timeout: 10_000 }).toBeTruthy();
  return fs.readFileSync(path.join(dir, found!), 'utf8');
}

describe.each(BROWSERS)('highlights in %s', (name) => {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-hl-downloads-'));
  const session = useBrowser(name, { downloadDir: downloads });
  afterAll(() => fs.rmSync(downloads, { recursive: true, force: true }));

  test('select with the mouse and pick a colour; select, press H and write a note; both come back when the reader opens again', async () => {
    const page = await openReader(session, 'read-aloud.html?case=create');
    // A real drag over the sentence shows the selection tools.
    const box = await textBox(page, GREEN);
    await page.mouse.move(box.left, box.y);
    await page.mouse.down();
    await page.mouse.move(box.right, box.y, { steps: 8 });
    await page.mouse.up();
    const green = await inOverlay(page, '.selection-tools button[data-color="green"]');
    await expect.poll(() => green.evaluate((b) => !(b.closest('.selection-tools') as HTMLElement).hidden)).toBe(true);
    expect(await overlayAttr(page, '.selection-tools [data-reader-action="highlight"]', 'aria-label')).toBe('Highlight the selection (H)');
    await green.click();
    await expect.poll(() => highlights(page)).toEqual([{ text: GREEN, color: 'green', note: null }]);
    expect(await status(page)).toBe('Highlighted');

    // Keyboard: a selection, then H highlights it in the last colour and opens the note.
    await selectText(page, NOTED);
    await page.keyboard.press('h');
    await expect.poll(() => focusedLabel(page)).toBe('TEXTAREA');
    await page.keyboard.type('Bread twice a day, by boat.');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await expect.poll(() => highlights(page)).toEqual([
      { text: GREEN, color: 'green', note: null },
      { text: NOTED, color: 'green', note: 'Bread twice a day, by boat.' },
    ]);
    // The list button counts them.
    expect(await overlayAttr(page, '.highlights-button', 'aria-label')).toBe('Highlights and notes in this article: 2');

    // Close (Esc) and open again: the same marks, colours and notes.
    await page.keyboard.press('Escape');
    await waitForOverlay(page, false);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    await expect.poll(() => highlights(page)).toEqual([
      { text: GREEN, color: 'green', note: null },
      { text: NOTED, color: 'green', note: 'Bread twice a day, by boat.' },
    ]);
  });

  test('a click on a mark edits its colour and note; the list jumps to, edits and deletes them, with the keyboard alone', async () => {
    const page = await openReader(session, 'read-aloud.html?case=edit');
    await selectText(page, PINK);
    await page.keyboard.press('h');
    await expect.poll(() => focusedLabel(page)).toBe('TEXTAREA');
    await page.keyboard.type('First note');
    await page.keyboard.press('Escape'); // closes the editor, keeps the note, not the reader
    await expect.poll(() => highlights(page)).toEqual([{ text: PINK, color: expect.any(String), note: 'First note' }]);
    expect((await overlayAttr(page, '[data-reader-body]', 'data-reader-body')) !== null).toBe(true);

    // Pointer: click the mark, choose pink, change the note, Done.
    const mark = await inOverlay(page, 'mark[data-reader-highlight]');
    await mark.click();
    await (await inOverlay(page, '.highlight-editor button[data-color="pink"]')).click();
    expect(await axe(page, '[data-reader-overlay]'), 'editor open').toEqual([]);
    const note = await inOverlay(page, '.highlight-editor textarea');
    await note.click({ count: 3 });
    await page.keyboard.press('End');
    await page.keyboard.type(', then edited');
    await (await inOverlay(page, '.highlight-editor button[aria-label="Done"]')).click();
    await expect.poll(() => highlights(page)).toEqual([{ text: PINK, color: 'pink', note: 'First note, then edited' }]);

    // Keyboard only: to the Highlights button, open the list, go to the highlight, delete it.
    await page.evaluate(() => (document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.highlights-button') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => overlayAttr(page, '.highlights-button', 'aria-expanded')).toBe('true');
    await expect.poll(() => focusedLabel(page)).toBe(`Go to highlight: ${PINK}`);
    expect(await axe(page, '[data-reader-overlay]'), 'list open').toEqual([]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}-highlights.png`) as `${string}.png` });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.activeElement?.tagName)).toBe('MARK');
    await page.evaluate(() => (document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.highlight-list button') as HTMLElement).focus());
    await page.keyboard.press('Tab'); // Edit
    await page.keyboard.press('Tab'); // Delete
    expect(await focusedLabel(page)).toBe(`Delete highlight: ${PINK}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => highlights(page)).toEqual([]);
    expect(await status(page)).toBe('Highlight deleted');

    // Deleted for good: not back after reopening.
    await page.keyboard.press('Escape'); // leaves the list
    await page.keyboard.press('Escape'); // closes the reader
    await waitForOverlay(page, false);
    await session.env.command('toggle-reader', page);
    await waitForOverlay(page, true);
    await new Promise((r) => setTimeout(r, 500));
    expect(await highlights(page)).toEqual([]);
  });

  test('both exports hold the highlights (==marks== and <mark>) with their notes, and Copy highlights copies them', async () => {
    const page = await openReader(session, 'read-aloud.html?case=export');
    await selectText(page, GREEN);
    await page.keyboard.press('h');
    await expect.poll(() => focusedLabel(page)).toBe('TEXTAREA');
    await page.keyboard.type('Nobody at all');
    await page.keyboard.press('Escape');
    await selectText(page, PINK);
    await page.keyboard.press('h');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await highlights(page)).length).toBe(2);

    // From the toolbar's More menu, as a user saves ("Save as Markdown file", "Save as HTML file").
    await menuAction(page, 'save-markdown');
    const md = await downloaded(downloads, '.md');
    expect(md).toContain(`==${GREEN}==[^1]`);
    expect(md).toContain(`==${PINK}==`);
    expect(md).toContain('[^1]: Nobody at all');
    await menuAction(page, 'save-html');
    const html = await downloaded(downloads, '.html');
    expect(html).toMatch(new RegExp(`<mark class="highlight-\\w+" title="Nobody at all">${GREEN}</mark><sup><a href="#note-1" id="note-ref-1">1</a></sup>`));
    expect(html).toContain(`<mark class="highlight-`);
    expect(html).toContain('<li id="note-1">Nobody at all');
    expect(html).not.toContain('data-reader-highlight');

    await (await inOverlay(page, '.highlights-button')).click();
    await (await inOverlay(page, '.highlights-panel button[aria-label="Copy highlights"]')).click();
    await expect.poll(() => status(page)).toBe('Highlights copied as Markdown');
    if (name === 'chromium') {
      // Chromium lets a test read the clipboard once the permission is granted.
      await session.env.browser.defaultBrowserContext().overridePermissions(session.server.url.slice(0, -1), ['clipboard-read']);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`> ${GREEN}\n\nNobody at all`);
      expect(copied).toContain(`> ${PINK}`);
    }
  });
});
