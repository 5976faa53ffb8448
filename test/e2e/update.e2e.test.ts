/**
 * An extension update while a tab is open (simulated by loading the same unpacked folder again,
 * which replaces the extension as an update does: Chromium's Extensions.loadUnpacked, through
 * puppeteer's installExtension): the old content script is orphaned and must stop without errors,
 * the new one takes over in the open page (prompts arriving afterwards are hidden, the receipt
 * answers, and switching suppression off is obeyed, which an orphan still at work would not do),
 * and nothing is done twice.
 */
import { describe, expect, test } from 'vitest';
import type { Page, Target, WebWorker } from 'puppeteer-core';
import { BROWSERS, distDir } from './harness/browsers.ts';
import { useBrowser } from './harness/session.ts';

const POLL = { timeout: 8_000, interval: 100 };

describe.each(BROWSERS.filter((b) => b === 'chromium'))('extension update while a tab is open, in %s', (name) => {
  const session = useBrowser(name);

  /** The extension's service-worker target; `not`: the one from before the update. */
  const workerTarget = (not?: Target) => session.env.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t !== not, { timeout: 10_000 });
  /** The extension's service worker, once its API is there. */
  const workerOf = async (target: Target): Promise<WebWorker> => {
    const worker = (await target.worker())!;
    for (let i = 0; i < 100 && !(await worker.evaluate(() => typeof chrome === 'object' && !!chrome.scripting).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 100));
    return worker;
  };
  const addPrompt = (page: Page, cls: string) => page.evaluate((c) => {
    const box = document.createElement('div');
    box.className = c;
    box.style.cssText = 'position: fixed; top: 10px; left: 10px; width: 300px';
    box.innerHTML = '<p>Allow notifications for new stories?</p><button>Allow</button><button>Later</button>';
    document.body.append(box);
  }, cls);
  const display = (page: Page, selector: string) => page.$eval(selector, (e) => getComputedStyle(e).display);

  test('the orphaned script stops cleanly and the new one takes over the open page', async () => {
    const page = await session.open('firewall/late-prompt.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' && !/404/.test(m.text())) errors.push(m.text()); });
    await page.waitForFunction(() => document.documentElement.dataset.promptsInserted === 'yes', { timeout: 10_000, polling: 100 });
    await expect.poll(() => display(page, '.soft-ask'), POLL).toBe('none');
    const tabId = await session.env.tabIdOf(page);

    // Not runtime.reload(): after it the test hung waiting for the new worker (the first target to
    // match may be the old worker's, and target.worker() has no timeout). The new worker is the
    // first target that is not the one from before.
    const before = await workerTarget();
    await session.env.browser.installExtension(distDir('chromium'));
    const worker = await workerOf(await workerTarget(before));

    // The new content script is in the open page and answers for it.
    const live = () => worker.evaluate(async (id: number) => {
      const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, func: async () => {
        const handle = (globalThis as { __clearreadLive?: { entries(): Promise<unknown[]> } }).__clearreadLive;
        return handle ? (await handle.entries()).length : -1;
      } });
      return r?.result as number;
    }, tabId);
    await expect.poll(live, POLL).toBe(2);

    // A prompt arriving now is hidden by the new script.
    await addPrompt(page, 'after-update');
    await expect.poll(() => display(page, '.after-update'), POLL).toBe('none');

    // Switched off for the site: the new script shows everything; an orphan still at work would hide the next prompt.
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, sites: { '127.0.0.1': { suppress: { notificationPrompts: false } } } } }));
    await expect.poll(() => display(page, '.soft-ask'), POLL).not.toBe('none');
    await addPrompt(page, 'after-off');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await display(page, '.after-off')).not.toBe('none');
    await worker.evaluate(() => chrome.storage.sync.clear());

    expect(errors).toEqual([]);
  });
});
