/**
 * Each class of prompt the firewall missed on unseen pages, injected late by script on pages of
 * our own, in real Chromium and Firefox ESR: boxes that escape the stylesheet (inline
 * `!important`, the top layer, modal dialogs, open and closed shadow roots, a script that puts its
 * box back), AMP widgets, a site-made prompt with meaningless class names next to a sign-in box of
 * the same component, share bars of every shape, frames, and the page's own dialogs that must
 * lose nothing. The receipt names each thing and brings it back on its own.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { wheelScrolls } from './harness/scroll.ts';
import { useBrowser } from './harness/session.ts';

const POLL = { timeout: 6_000, interval: 100 };

/** Whether the element (or, for a selector matching none, nothing) is rendered. */
const shownIn = (where: Page | Frame, selector: string) => where.evaluate((s) => {
  const el = document.querySelector(s);
  if (!el) return 'missing';
  for (let a: Element | null = el; a; a = a.parentElement) if (getComputedStyle(a).display === 'none') return false;
  return true;
}, selector);

describe.each(BROWSERS)('firewall classes in %s', (name) => {
  const session = useBrowser(name);
  afterEach(async () => {
    await session.env.inExtension(async (api) => { await api.storage.sync.clear(); await api.storage.local.clear(); }, null);
  });

  async function open(file: string, flag = 'allInserted'): Promise<Page> {
    const page = await session.open(file);
    await page.waitForFunction((f) => document.documentElement.dataset[f] === 'yes', { timeout: 10_000, polling: 100 }, flag);
    return page;
  }

  async function receiptOf(page: Page) {
    const popup = await session.popupFor(page);
    await popup.waitForSelector('#receipt:not([hidden]) summary', { timeout: 10_000 });
    return popup;
  }

  test('boxes that escape the stylesheet: inline !important, a popover, a modal dialog, open and closed shadow roots, a script that puts its box back', async () => {
    const page = await open('firewall/escapes.html');
    for (const selector of ['#onesignal-slidedown-container', '.ask-pop', 'lake-alerts', 'lake-bell']) {
      await expect.poll(() => shownIn(page, selector), POLL).toBe(false);
    }
    // The modal dialog is closed, so the page behind it is no longer inert, and focus is back in the search box.
    await expect.poll(() => page.$eval('.ask-dialog', (d) => (d as HTMLDialogElement).open), POLL).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.click('#clicker');
    expect(await page.$eval('#clicks', (e) => e.textContent)).toBe('1');
    // The page put its box back five times; each copy was hidden, and then the page gave up.
    await page.waitForFunction(() => document.documentElement.dataset.reinserted === '5', { timeout: 10_000, polling: 100 });
    expect(await shownIn(page, '.relentless')).toBe(false);

    const popup = await receiptOf(page);
    expect(await popup.$eval('#receipt summary', (e) => e.textContent)).toBe('Hidden on this page: 6 notification prompts.');
  });

  test('AMP: the web-push widget, share buttons and their dock, and a user notification that asks for notifications; the cookie notice stays', async () => {
    const page = await open('firewall/amp.html');
    for (const selector of ['amp-web-push-widget', '.share-dock', '.share-inline amp-social-share', '#push-ask']) {
      await expect.poll(() => shownIn(page, selector), POLL).toBe(false);
    }
    expect(await shownIn(page, '#cookie-note')).toBe(true);
  });

  // Regression: a centred modal with meaningless class names, shown seconds after load, locking scroll and put back once.
  test('a site-made prompt (German, bland class names) is hidden, put back and hidden again; the sign-in box of the same component stays; the page scrolls', async () => {
    const page = await open('firewall/site-made.html', 'shown');
    await expect.poll(() => shownIn(page, '.q7:not(#login)'), POLL).toBe(false);
    await page.waitForFunction(() => document.documentElement.dataset.putBack === 'yes', { timeout: 5_000, polling: 100 });
    await expect.poll(() => shownIn(page, '.q7:not(#login)'), POLL).toBe(false);
    expect(await shownIn(page, '#login')).toBe(true);
    await expect.poll(() => wheelScrolls(page), POLL).toBe(true);
  });

  test('the page\'s own sign-in, consent, age-gate, paywall, search, menu and newsletter dialogs lose nothing, nor their scroll lock', async () => {
    const page = await open('firewall/lookalikes.html');
    await new Promise((r) => setTimeout(r, 1_000));
    for (const id of ['signin', 'signinButtons', 'consent', 'age', 'paywall', 'search', 'menu', 'newsletter']) {
      expect(await shownIn(page, `#${id} > *`), id).toBe(true);
    }
    expect(await page.evaluate(() => document.body.style.overflow)).toBe('hidden');
    expect(await page.evaluate(() => document.querySelectorAll('[data-clearread-hidden]').length)).toBe(0);
  });

  test('share bars of every shape are hidden whole; bylines, dates, shipping notes and forum headers next to share links stay', async () => {
    const page = await open('firewall/share-late.html');
    for (const cls of ['tools-a', 'tools-b', 'tools-c', 'tools-d', 'tools-e', 'rail']) await expect.poll(() => shownIn(page, `.${cls}`), POLL).toBe(false);
    const visible = await page.$$eval('[data-expect="visible"]', (els) => els.filter((el) => {
      for (let a: Element | null = el; a; a = a.parentElement) if (getComputedStyle(a).display === 'none') return false;
      return true;
    }).length);
    expect(visible).toBe(await page.$$eval('[data-expect="visible"]', (els) => els.length));
  });

  test('prompts and share bars in same-origin, srcdoc and other-origin frames; the receipt says where, and brings one back', async () => {
    const page = await session.open('firewall/frames.html');
    const frame = async (id: string) => {
      const handle = await page.waitForSelector(`#${id}`);
      const f = await handle!.contentFrame();
      return f!;
    };
    const same = await frame('same');
    const other = await frame('other');
    const srcdoc = await frame('srcdoc');
    for (const f of [same, other]) {
      await f.waitForFunction(() => document.documentElement.dataset.asked === 'yes', { timeout: 10_000, polling: 100 });
      await expect.poll(() => shownIn(f, '.ask'), POLL).toBe(false);
      await expect.poll(() => shownIn(f, '#bar'), POLL).toBe(false);
      expect(await shownIn(f, '#text')).toBe(true);
    }
    await expect.poll(() => shownIn(srcdoc, '#bar'), POLL).toBe(false);
    expect(await shownIn(srcdoc, '#note')).toBe(true);

    const popup = await receiptOf(page);
    expect(await popup.$eval('#receipt summary', (e) => e.textContent)).toBe('Hidden on this page: 2 notification prompts, 3 share bars.');
    await popup.click('#receipt summary');
    const wheres = await popup.$$eval('#receipt li .where', (els) => els.map((e) => e.textContent));
    expect(wheres.some((w) => /in a frame from localhost$/.test(w ?? ''))).toBe(true);
    // Bring back the prompt in the other-origin frame, and only that.
    const item = (await popup.$$('#receipt li')).length;
    const index = await popup.$$eval('#receipt li', (lis) => lis.findIndex((li) => /Notification prompt/.test(li.textContent ?? '') && /localhost/.test(li.textContent ?? '')));
    expect(index).toBeGreaterThanOrEqual(0);
    await popup.$$eval('#receipt li button', (buttons, i) => (buttons[i] as HTMLButtonElement).click(), index);
    await expect.poll(() => shownIn(other, '.ask'), POLL).toBe(true);
    expect(await shownIn(same, '.ask')).toBe(false);
    await expect.poll(() => popup.$$eval('#receipt li', (lis) => lis.length), POLL).toBe(item - 1);
    expect(await popup.$eval('#receipt [role="status"]', (e) => e.textContent)).toBe('Brought back: notification prompt.');
  });
});
