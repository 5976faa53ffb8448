/**
 * Scroll locks, end to end: a site-made prompt with meaningless class names arrives late by script
 * and freezes the page in one of the ways pages do it, while a sign-in box of the site's own (that
 * locks nothing) is open. The prompt must go, and the page must scroll again for a real mouse-wheel
 * turn; a lock the page sets later for its own menu stays; undo puts the very lock back.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS } from './harness/browsers.ts';
import { wheelScrolls } from './harness/scroll.ts';
import { useBrowser } from './harness/session.ts';

const POLL = { timeout: 5_000, interval: 100 };

describe.each(BROWSERS)('scroll locks in %s', (name) => {
  const session = useBrowser(name);
  afterEach(async () => {
    await session.env.inExtension(async (api) => { await api.storage.sync.clear(); await api.storage.local.clear(); }, null);
  });

  const promptGone = (page: Page) => expect.poll(() => page.$eval('.c-m--center', (e) => getComputedStyle(e).display), POLL).toBe('none');
  const attrs = (page: Page) => page.evaluate(() => [document.documentElement, document.body, document.getElementById('page')!]
    .map((el) => [...el.attributes].filter((a) => !a.name.startsWith('data-')).map((a) => `${a.name}=${a.value}`).join(' ')));

  async function open(query: string): Promise<Page> {
    const page = await session.open(`firewall/locks.html?${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.promptsInserted === 'yes', { timeout: 10_000, polling: 100 });
    return page;
  }

  test('control: with notification prompts switched off for the site, the locked page does not scroll for a wheel turn', async () => {
    await session.env.inExtension((api) => api.storage.sync.set({ settings: { version: 1, sites: { '127.0.0.1': { suppress: { notificationPrompts: false } } } } }), null);
    const page = await open('lock=body-overflow');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.$eval('.c-m--center', (e) => getComputedStyle(e).display)).not.toBe('none');
    expect(await wheelScrolls(page)).toBe(false);
  });

  test.each(['body-overflow', 'html-overflow-important', 'clip', 'class', 'fixed', 'touch-action', 'height'])(
    'a lock by %s set with the prompt is lifted, the page scrolls to a wheel turn, and undo puts it back',
    async (lock) => {
      const page = await open(`lock=${lock}`);
      const locked = JSON.parse(await page.evaluate(() => document.documentElement.dataset.locked!));
      await promptGone(page);
      await expect.poll(() => wheelScrolls(page), POLL).toBe(true);
      if (lock === 'fixed') {
        // The reader is put back where the lock had parked the page (it scrolled on from there).
        const lockedAt = Number(await page.evaluate(() => document.documentElement.dataset.lockedAt));
        expect(lockedAt).toBeGreaterThan(100);
        expect(await page.evaluate(() => scrollY)).toBeGreaterThan(lockedAt);
      }
      // The site's own sign-in box is untouched.
      expect(await page.$eval('#signin', (e) => getComputedStyle(e).display)).toBe('block');

      const popup = await session.popupFor(page);
      await popup.waitForSelector('input[name="notificationPrompts"]');
      await popup.click('input[name="notificationPrompts"]');
      await expect.poll(() => page.$eval('.c-m--center', (e) => getComputedStyle(e).display), POLL).toBe('block');
      expect(await attrs(page)).toEqual(locked);
    },
  );

  test('inert on the page\'s wrapper is lifted: the page takes clicks again', async () => {
    const page = await open('lock=inert');
    await promptGone(page);
    await expect.poll(() => page.evaluate(() => document.getElementById('page')!.inert), POLL).toBe(false);
    await expect.poll(() => wheelScrolls(page), POLL).toBe(true);
    await page.evaluate(() => document.getElementById('clicker')!.scrollIntoView({ block: 'center' }));
    await page.click('#clicker');
    expect(await page.$eval('#clicks', (e) => e.textContent)).toBe('1');
  });

  test('aria-hidden on the page\'s wrapper is lifted', async () => {
    const page = await open('lock=aria-hidden');
    await promptGone(page);
    await expect.poll(() => page.evaluate(() => document.getElementById('page')!.getAttribute('aria-hidden')), POLL).toBe(null);
    expect(await wheelScrolls(page)).toBe(true);
  });

  test.each(['before', 'after'])('a lock set shortly %s the prompt is the prompt\'s', async (when) => {
    const page = await open(`lock=class&when=${when}`);
    await promptGone(page);
    await expect.poll(() => wheelScrolls(page), POLL).toBe(true);
  });

  test('a lock the page sets later for its own menu is left alone', async () => {
    const page = await open('lock=body-overflow&menuLater=1');
    await promptGone(page);
    await expect.poll(() => wheelScrolls(page), POLL).toBe(true);
    await page.waitForFunction(() => document.documentElement.dataset.menuOpen === 'yes', { timeout: 8_000, polling: 100 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(() => document.body.style.overflow)).toBe('hidden');
    expect(await wheelScrolls(page)).toBe(false);
  });
});
