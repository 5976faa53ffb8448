// @vitest-environment jsdom
/**
 * What could break: a page script can reach into the overlay's open shadow root and dispatch
 * events. Read aloud and highlights act on trusted events only (issue 10), so synthetic clicks
 * on Listen or Highlight, a synthetic K or H, change nothing; attaching and destroying the
 * features leaves the article's DOM as it was.
 */
import { expect, test, vi } from 'vitest';

vi.mock('../../src/platform/extension-api.ts', () => ({
  storageGet: async () => undefined, storageSet: async () => {}, storageGetMany: async () => ({}), storageSetMany: async () => {},
  storageRemove: async () => {}, onStorageChange: () => () => {}, i18n: (key: string) => key,
}));
const { createOverlay } = await import('../../src/reader/overlay.ts');
const { overlayFeatureHost } = await import('../../src/reader/feature-host.ts');
const { attachReadAloud } = await import('../../src/reader/speech/read-aloud.ts');
const { attachHighlights } = await import('../../src/reader/highlights/highlights.ts');
const { DEFAULT_SETTINGS } = await import('../../src/settings/schema.ts');

test('synthetic clicks and keys neither read aloud nor highlight', async () => {
  document.body.innerHTML = '<p>Page.</p>';
  const overlay = createOverlay(document, { lang: 'en', dir: 'ltr' }, { onAction: () => {}, onFontStep: () => {}, onLost: () => {} });
  const article = document.createElement('article');
  article.innerHTML = '<h1>Title</h1><div data-reader-body><p>First sentence here. Second one.</p></div>';
  overlay.setContent(article);
  const body = article.querySelector<HTMLElement>('[data-reader-body]')!;
  const before = body.innerHTML;
  const spoken: string[] = [];
  const engine = {
    supported: true,
    voices: () => [{ uri: 'en', name: 'English', lang: 'en', isDefault: true, local: true }],
    onVoicesChanged: () => () => {},
    speak: (text: string) => void spoken.push(text),
    cancel: () => {},
  };
  const saved: unknown[] = [];
  const page = { article, body, lang: 'en', settings: structuredClone(DEFAULT_SETTINGS) as any };
  const aloud = attachReadAloud(overlayFeatureHost(document, overlay, 'listen', page), { engine });
  const highlights = attachHighlights(overlayFeatureHost(document, overlay, 'highlight', page), { url: 'https://x.example/a', title: 'Title', store: { load: async () => undefined, save: async (v) => { saved.push(v); return 0; } } });
  await highlights.ready;
  await new Promise((r) => setTimeout(r, 10));

  const root = overlay.host.shadowRoot!;
  const listen = root.querySelector<HTMLButtonElement>('[data-reader-action="listen"]')!;
  const highlight = root.querySelector<HTMLButtonElement>('[data-reader-action="highlight"]')!;
  expect(listen.getAttribute('aria-label')).toBe('Listen (K)');
  listen.click();
  listen.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
  const text = body.querySelector('p')!.firstChild!;
  document.getSelection()!.setBaseAndExtent(text, 0, text, 5);
  highlight.click();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
  body.querySelector('p')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 10));

  expect(spoken).toEqual([]);
  expect(root.querySelectorAll('[data-reader-speaking]')).toHaveLength(0);
  expect(root.querySelectorAll('mark')).toHaveLength(0);
  expect(saved).toEqual([]);
  expect(listen.getAttribute('aria-pressed')).toBe('false');

  aloud.destroy();
  highlights.destroy();
  expect(body.innerHTML).toBe(before);
  expect(root.querySelector('[data-reader-action="listen"], [data-reader-action="highlight"], [data-overflow-of]')).toBeNull();
  expect(root.querySelector('.feature-panels')!.children).toHaveLength(0);
  overlay.destroy();
});
