// @vitest-environment jsdom
/**
 * What could break: an exception thrown while extracting or rendering (a page shaped in a way
 * no rule foresaw) left the overlay open and empty, with the page's scroll locked. The reader
 * must show a sentence instead (and nothing else to press but Close), and Esc must still close
 * it and give the page back.
 */
import { expect, test, vi } from 'vitest';

const { userEvents } = vi.hoisted(() => ({ userEvents: new WeakSet<Event>() }));
vi.mock('../../src/reader/trusted.ts', () => ({ isTrusted: (event: Event) => userEvents.has(event) }));
vi.mock('../../src/platform/extension-api.ts', () => ({
  storageGet: async () => undefined,
  storageSet: async () => {},
  onStorageChange: () => () => {},
  sendToBackground: async () => [],
  extensionAlive: () => true,
  uiLanguage: () => 'en',
  i18n: (key: string) => key,
}));
vi.mock('../../src/extract/extract-article.ts', () => ({
  extractArticle: () => {
    throw new TypeError("Cannot read properties of null (reading 'textContent')");
  },
}));

const { openReader } = await import('../../src/reader/reader-session.ts');

test('an exception during extraction becomes a clear message, and closing restores the page', async () => {
  document.body.innerHTML = '<p>A page.</p>';
  const before = document.documentElement.outerHTML;
  let closed = false;
  const session = await openReader(document, new URL('https://news.example/story'), { onClosed: () => { closed = true; } });

  const host = document.querySelector('[data-reader-overlay]');
  const error = host?.shadowRoot?.querySelector('[data-reader-error]');
  expect(error?.textContent).toMatch(/could not make sense of this page/);
  expect(host?.getAttribute('data-state')).toBe('error');
  expect(session.state).toEqual({ open: true, error: 'The reader could not make sense of this page.' });

  // A key press the page makes up closes nothing.
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  expect(closed).toBe(false);
  const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
  userEvents.add(esc);
  window.dispatchEvent(esc);
  expect(closed).toBe(true);
  expect(document.querySelector('[data-reader-overlay]')).toBeNull();
  expect(document.documentElement.outerHTML).toBe(before);
});
