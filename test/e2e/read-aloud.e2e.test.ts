/**
 * Read aloud with a real speech engine (speech-dispatcher + espeak-ng into a PulseAudio null sink
 * that keeps real time; see harness/speech-env.ts), in Chromium and Firefox ESR: the voices
 * arrive and one in the article's language is chosen, reading goes sentence by sentence with the
 * sentence marked, pause holds, resume goes on, skipping and stopping work, a click on a paragraph
 * reads from there, and without voices the button says why and how to get them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, type LaunchOptions } from './harness/browsers.ts';
import fs from 'node:fs';
import path from 'node:path';
import { axe } from './harness/axe.ts';
import { inOverlay, overlayAttr, speaking } from './harness/in-overlay.ts';
import { waitForOverlay } from './harness/overlay.ts';
import { useBrowser } from './harness/session.ts';
import { startSpeechEnv, type SpeechEnv } from './harness/speech-env.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');
const TITLE = 'How the river town learned to listen';
const P1 = ['The river rose early that spring.', 'Nobody in the town was ready.', 'The ferry stopped running on Monday.'];
const P2 = ['Mr. Hale kept the only boat.', 'He carried bread across twice a day.', 'Children waved from the bridge.'];
const P3_FIRST = 'By Friday the water had fallen.';
const P4 = ['Next year the town will build a second boat.', 'The council has already chosen a name.', 'It will be called the Heron.'];

/**
 * Each test reads its own address: the reader resumes where an earlier test's reading left the
 * page, and these tests start from the top.
 */
async function openReader(session: ReturnType<typeof useBrowser>, testCase: string): Promise<Page> {
  const page = await session.open(`read-aloud.html?case=${testCase}`);
  await session.env.command('toggle-reader', page);
  await waitForOverlay(page, true);
  return page;
}

/** Polls the sentence being read until `done` says so; returns every distinct one seen, in order. */
async function watchSentences(page: Page, done: (seen: string[]) => boolean, timeout = 30_000): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeout;
  while (!done(seen)) {
    if (Date.now() > deadline) throw new Error(`timed out; sentences seen: ${JSON.stringify(seen)}`);
    const now = await speaking(page);
    expect(now.count, 'at most one element carries data-reader-speaking').toBeLessThanOrEqual(1);
    if (now.text && seen.at(-1) !== now.text) seen.push(now.text);
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

/** Polls the sentence being read; a timeout says what the player showed instead. */
const env = (session: ReturnType<typeof useBrowser>) => session.env;

const pollSpeaking = (page: Page) => expect.poll(async () => (await speaking(page)).text, {
  timeout: 20_000, interval: 100,
  message: 'the sentence being read',
});

/** What the Listen button and the player's note say (for failure messages). */
const playerState = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
  const listen = root.querySelector('[data-reader-action="listen"]')!;
  return `listen: ${listen.getAttribute('aria-label')} pressed=${listen.getAttribute('aria-pressed')}; note: ${root.querySelector('.read-aloud-note')?.textContent}; status: ${root.querySelector('[role="status"]')?.textContent}; focus: ${root.activeElement?.tagName ?? document.activeElement?.tagName}`;
});

describe.each(BROWSERS)('read aloud in %s with speech-dispatcher and espeak-ng', (name) => {
  let speech: SpeechEnv | undefined;
  const options: LaunchOptions = {};
  beforeAll(async () => {
    speech = await startSpeechEnv();
    options.env = speech.env;
    options.chromiumArgs = speech.chromiumArgs;
  });
  // Registered after the hook above, so the browser starts once the engine is up (and closes first).
  const session = useBrowser(name, options);
  afterAll(async () => {
    await speech?.stop();
  });

  test('the voices arrive, an English one is chosen, and reading goes sentence by sentence with exactly one sentence marked', async () => {
    const page = await openReader(session, 'voices');
    const listen = await inOverlay(page, '[data-reader-action="listen"]');
    expect(await listen.evaluate((b) => b.getAttribute('aria-label'))).toBe('Listen (K)');
    const playerShown = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.read-aloud')!).display !== 'none');
    expect(await playerShown(), 'the player row stays closed until Listen').toBe(false);
    await listen.click();
    // Starts at the top: the headline, then the first paragraph, one sentence at a time.
    const seen = await watchSentences(page, (s) => s.length >= 4);
    expect(seen.slice(0, 4)).toEqual([TITLE, ...P1]);
    expect(await listen.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
    // The voice list holds the article's language (en-GB): espeak-ng's English voices.
    const voices = await page.evaluate(() => [...document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll<HTMLOptionElement>('#clearread-speech-voice option')].map((o) => ({ name: o.textContent, selected: o.selected })));
    expect(voices.length).toBeGreaterThan(5);
    expect(voices.find((v) => v.selected)?.name).toMatch(/English/);
    expect(voices.every((v) => /English/.test(v.name ?? ''))).toBe(true);
    expect(await playerShown()).toBe(true);
    // The player row, labelled and in contrast in the default theme; a picture for a person.
    expect(await axe(page, '[data-reader-overlay]')).toEqual([]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}-read-aloud.png`) as `${string}.png` });
    await page.keyboard.press('k');
  });

  test('K pauses on the sentence being read and resumes from it; previous/next sentence and paragraph move the mark', async () => {
    const page = await openReader(session, 'pause');
    await (await inOverlay(page, '[data-reader-action="listen"]')).click();
    await pollSpeaking(page).toBe(P1[0]);
    await page.keyboard.press('k');
    await expect.poll(() => overlayAttr(page, '[data-reader-action="listen"]', 'aria-pressed')).toBe('false');
    const paused = (await speaking(page)).text;
    expect([TITLE, ...P1]).toContain(paused);
    // Real time: a sentence takes about two seconds, so three seconds without a change is a pause.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await speaking(page)).text).toBe(paused);
    await page.keyboard.press('k');
    await expect.poll(() => overlayAttr(page, '[data-reader-action="listen"]', 'aria-pressed')).toBe('true');
    await watchSentences(page, (s) => s.length >= 2);

    // Skipping: to the next paragraph, then sentence by sentence, both ways.
    await (await inOverlay(page, 'button[aria-label="Next paragraph"]')).click();
    await pollSpeaking(page).toBe(P2[0]);
    await (await inOverlay(page, 'button[aria-label="Next sentence"]')).click();
    await pollSpeaking(page).toBe(P2[1]);
    await (await inOverlay(page, 'button[aria-label="Previous sentence"]')).click();
    await pollSpeaking(page).toBe(P2[0]);
    // The code block after P2 is skipped: the next paragraph is P3.
    await (await inOverlay(page, 'button[aria-label="Next paragraph"]')).click();
    await pollSpeaking(page).toBe(P3_FIRST);
    // …and the table and the figure caption after P3: the next is P4.
    await (await inOverlay(page, 'button[aria-label="Next paragraph"]')).click();
    await pollSpeaking(page).toBe(P4[0]);
    await (await inOverlay(page, 'button[aria-label="Previous paragraph"]')).click();
    await pollSpeaking(page).toBe(P3_FIRST);

    // Stop: the mark goes, the button offers to read again.
    await (await inOverlay(page, 'button[aria-label="Stop reading aloud"]')).click();
    await expect.poll(async () => (await speaking(page)).count).toBe(0);
    expect(await overlayAttr(page, '[data-reader-action="listen"]', 'aria-label')).toBe('Listen (K)');
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await speaking(page)).count, 'nothing marked after stop').toBe(0);
  });

  test('a click on a paragraph reads from the sentence clicked', async () => {
    const page = await openReader(session, 'click');
    await (await inOverlay(page, '[data-reader-action="listen"]')).click();
    await pollSpeaking(page).not.toBe('');
    // The middle of P4's second sentence.
    const target = await page.evaluateHandle((text) => {
      const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
      return [...root.querySelectorAll('[data-reader-body] p')].find((p) => p.textContent!.includes(text))!;
    }, P4[1]!);
    const box = await page.evaluate((p, text) => {
      p.scrollIntoView({ block: 'center', behavior: 'instant' });
      const node = [...p.childNodes].find((n) => n.textContent!.includes(text))!;
      const range = document.createRange();
      const at = node.textContent!.indexOf(text) + 10;
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, target as any, P4[1]!);
    await page.mouse.click(box.x, box.y);
    await pollSpeaking(page).toBe(P4[1]);
    await watchSentences(page, (s) => s.includes(P4[2]!));
    await page.keyboard.press('k');
  });

  test('code blocks are read when the user asks for them, and skipped again when not', async () => {
    const page = await openReader(session, 'code');
    await (await inOverlay(page, '[data-reader-action="listen"]')).click();
    await pollSpeaking(page).toBe(TITLE);
    const readCode = await inOverlay(page, 'input[name="read-code"]');
    await readCode.click();
    await expect.poll(() => env(session).inExtension(async (api) => (await api.storage.sync.get('settings')).settings?.speechSkip?.code, null)).toBe(false);
    await (await inOverlay(page, 'button[aria-label="Next paragraph"]')).click();
    await pollSpeaking(page).toBe(P2[0]);
    await (await inOverlay(page, 'button[aria-label="Next paragraph"]')).click();
    await pollSpeaking(page).toMatch(/^const river = rise\(\);/);
    await readCode.click();
    await expect.poll(() => env(session).inExtension(async (api) => (await api.storage.sync.get('settings')).settings?.speechSkip?.code, null)).toBe(true);
    // The code block is no longer read: reading goes on from the paragraph after it.
    await pollSpeaking(page).toBe(P3_FIRST);
    await page.keyboard.press('k');
  });

  test('a page script cannot start reading: synthetic clicks and keys are ignored, a real K works', async () => {
    const page = await openReader(session, 'untrusted');
    // Voices loaded (the warm-up asks for them when the reader opens).
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelectorAll('#clearread-speech-voice option').length), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.evaluate(() => {
      const root = document.querySelector('[data-reader-overlay]')!.shadowRoot!;
      (root.querySelector('[data-reader-action="listen"]') as HTMLElement).click();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
      root.querySelector('[data-reader-body] p')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await speaking(page)).count).toBe(0);
    expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    await page.keyboard.press('k');
    await expect.poll(async () => (await speaking(page)).text, { timeout: 20_000, message: await playerState(page) }).toBe(TITLE);
    await page.keyboard.press('k');
  });
});

describe.each(BROWSERS)('read aloud in %s without voices', (name) => {
  // The default launch: Chromium without --enable-speech-dispatcher, Firefox with no engine to reach.
  const session = useBrowser(name);

  test('the button says why there are no voices and how to get them, instead of doing nothing', async () => {
    const page = await openReader(session, 'no-voices');
    const listen = await inOverlay(page, '[data-reader-action="listen"]');
    await listen.click();
    await expect.poll(() => overlayAttr(page, '[data-reader-action="listen"]', 'aria-label'), { timeout: 20_000 }).toMatch(/^Listen: Read aloud is unavailable. The browser lists no voices/);
    const note = await page.evaluate(() => document.querySelector('[data-reader-overlay]')!.shadowRoot!.querySelector('.read-aloud-note')!.textContent);
    expect(note).toContain('speech-dispatcher');
    expect(note).toContain('--enable-speech-dispatcher');
    expect((await speaking(page)).count).toBe(0);
  });
});
