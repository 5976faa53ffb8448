/**
 * One open reader on one page: extract, render into the overlay, follow settings live, close.
 * Loaded on demand (a dynamic import from the content script), together with Readability.
 */
import { extractArticle } from '../extract/extract-article.ts';
import { createSanitizer } from '../sanitize/sanitize-html.ts';
import { FONT_SIZES, stepBy, type Settings } from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import { applySettings } from './apply-settings.ts';
import { createOverlay, type Overlay } from './overlay.ts';
import { renderArticle, renderError } from './render-article.ts';
import type { ReaderState } from '../messages.ts';

export interface ReaderSession {
  state: ReaderState;
  close(): void;
}

export async function openReader(doc: Document, url: URL, onClosed: () => void): Promise<ReaderSession> {
  const settings = await loadSettings();
  let overlay: Overlay | undefined;
  let unwatch = () => {};
  const close = () => {
    unwatch();
    overlay?.destroy();
    overlay = undefined;
    onClosed();
  };

  overlay = createOverlay(doc, {
    onClose: close,
    onFontStep: (delta) => void updateSettings((s: Settings) => ({ ...s, fontSize: stepBy(FONT_SIZES, s.fontSize, delta) })),
  });
  applySettings(overlay.host, settings);
  unwatch = watchSettings((next) => overlay && applySettings(overlay.host, next));

  const result = extractArticle(doc, url);
  if (result.ok) {
    overlay.setContent(renderArticle(doc, result.article, createSanitizer(doc.defaultView ?? window)));
    return { state: { open: true }, close };
  }
  overlay.setContent(renderError(doc, result.message));
  return { state: { open: true, error: result.message }, close };
}
