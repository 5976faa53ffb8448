/** Reads the reader overlay through the automation contract: [data-reader-overlay] with an open shadow root. */
import type { Page } from 'puppeteer-core';

export interface OverlaySnapshot {
  present: boolean;
  h1s: string[];
  byline: string | null;
  body: string;
  text: string;
  error: string | null;
  theme: string | null;
  fontSize: string;
  background: string;
  images: { src: string; alt: string }[];
  captions: string[];
}

export function readOverlay(page: Page): Promise<OverlaySnapshot> {
  return page.evaluate(() => {
    // Through the prototype: a hostile test page replaces document.querySelectorAll.
    const hosts = Document.prototype.querySelectorAll.call(document, '[data-reader-overlay]');
    const host = hosts[0] as HTMLElement | undefined;
    const root = host?.shadowRoot;
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const scroller = root?.querySelector('.scroller');
    return {
      present: hosts.length === 1 && !!root,
      h1s: root ? [...root.querySelectorAll('h1')].map((h) => squash(h.textContent)) : [],
      byline: root?.querySelector('[data-reader-byline]') ? squash(root.querySelector('[data-reader-byline]')!.textContent) : null,
      body: squash(root?.querySelector('[data-reader-body]')?.textContent),
      text: squash(scroller?.textContent),
      error: root?.querySelector('[data-reader-error]') ? squash(root.querySelector('[data-reader-error]')!.textContent) : null,
      theme: host?.getAttribute('data-theme') ?? null,
      fontSize: scroller ? getComputedStyle(scroller).fontSize : '',
      background: scroller ? getComputedStyle(scroller).backgroundColor : '',
      images: root ? [...root.querySelectorAll<HTMLImageElement>('[data-reader-body] img')].map((i) => ({ src: i.src, alt: i.alt })) : [],
      captions: root ? [...root.querySelectorAll('[data-reader-body] figcaption')].map((c) => squash(c.textContent)) : [],
    };
  });
}

/**
 * Polls on a timer, not puppeteer's default requestAnimationFrame: once the popup's tab is in
 * front the article's tab is in the background, where rAF never fires and a wait never ends.
 * Every waitForFunction in these tests passes `polling` for the same reason.
 */
export async function waitForOverlay(page: Page, open: boolean): Promise<void> {
  await page.waitForFunction((o) => {
    const hosts = Document.prototype.querySelectorAll.call(document, '[data-reader-overlay]');
    const ready = !!hosts[0]?.shadowRoot?.querySelector('[data-reader-body], [data-reader-error]');
    return o ? hosts.length === 1 && ready : hosts.length === 0;
  }, { timeout: 15_000, polling: 100 }, open);
}
