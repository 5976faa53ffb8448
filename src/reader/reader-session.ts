/**
 * One open reader on one page: extract, render into the overlay, follow settings live, close.
 * Loaded on demand (a dynamic import from the content script), together with Readability.
 */
import { extractArticle } from '../extract/extract-article.ts';
import type { Article } from '../extract/article.ts';
import { articleToHtml, exportFileName } from '../export/clean-html.ts';
import { copyText, downloadText } from '../export/export-actions.ts';
import { articleToMarkdown, type ExportMeta } from '../export/markdown.ts';
import { createSanitizer } from '../sanitize/sanitize-html.ts';
import { FONT_SIZES, stepBy, type Settings } from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import { applySettings } from './apply-settings.ts';
import { bundledFonts } from './bundled-fonts.ts';
import { overlayFeatureHost, type ReaderFeature } from './feature-host.ts';
import { attachHighlights } from './highlights/highlights.ts';
import { createOverlay, type ExportKind, type Overlay } from './overlay.ts';
import { renderArticle, renderError } from './render-article.ts';
import { loadPosition, savePosition } from './resume-position.ts';
import { articleLabels, t } from './strings.ts';
import { th } from './highlights/highlight-strings.ts';
import { attachReadAloud } from './speech/read-aloud.ts';
import { buildToc } from './toc.ts';
import type { ReaderState } from '../messages.ts';

export interface ReaderSession {
  state: ReaderState;
  close(): void;
}

/** Positions this close to either end are not worth resuming to. */
const RESUME_MIN = 0.02;
const RESUME_MAX = 0.98;

function exportMeta(article: Article): ExportMeta {
  return { title: article.title, url: article.url, byline: article.byline, siteName: article.siteName, published: article.published, notesHeading: th('notesHeading') };
}

export async function openReader(doc: Document, url: URL, onClosed: () => void): Promise<ReaderSession> {
  let settings = await loadSettings();
  const fonts = bundledFonts(doc);
  let overlay: Overlay | undefined;
  let article: Article | undefined;
  let body: Element | null = null;
  let unwatch = () => {};
  let features: ReaderFeature[] = [];
  const remember = () => {
    if (overlay && article && settings.resumePosition) void savePosition(url.href, overlay.position());
  };
  const close = () => {
    remember();
    unwatch();
    features.forEach((f) => f.destroy());
    overlay?.destroy();
    overlay = undefined;
    fonts.release();
    onClosed();
  };
  const show = (next: Settings) => {
    settings = next;
    fonts.use(next.fontFamily);
    if (overlay) applySettings(overlay.host, next);
  };

  const runExport = async (kind: ExportKind) => {
    if (!overlay || !article || !body) return;
    const meta = exportMeta(article);
    if (kind === 'copy-markdown') {
      const ok = await copyText(doc, articleToMarkdown(meta, body), overlay.host.shadowRoot!);
      overlay.announce(t(ok ? 'copied' : 'copyFailed'));
    } else if (kind === 'save-markdown') {
      downloadText(doc, articleToMarkdown(meta, body), exportFileName(meta.title, 'md'), 'text/markdown', overlay.host.shadowRoot!);
      overlay.announce(t('saved'));
    } else {
      downloadText(doc, articleToHtml(meta, body, article.lang), exportFileName(meta.title, 'html'), 'text/html', overlay.host.shadowRoot!);
      overlay.announce(t('saved'));
    }
  };

  overlay = createOverlay(doc, {
    onClose: close,
    onFontStep: (delta) => void updateSettings((s: Settings) => ({ ...s, fontSize: stepBy(FONT_SIZES, s.fontSize, delta) })),
    onExport: (kind) => void runExport(kind),
  });
  show(settings);
  unwatch = watchSettings(show);
  overlay.onScrollEnd(remember);

  const fail = (message: string): ReaderSession => {
    overlay?.setContent(renderError(doc, message, articleLabels()));
    return { state: { open: true, error: message }, close };
  };
  try {
    const result = extractArticle(doc, url);
    if (!result.ok) return fail(result.message);
    article = result.article;
    const rendered = renderArticle(doc, article, createSanitizer(doc.defaultView ?? window), articleLabels());
    body = rendered.querySelector('[data-reader-body]');
    const toc = body && buildToc(doc, body, t('contents'));
    if (toc) rendered.querySelector('.article-header')?.after(toc);
    overlay.setContent(rendered);
    const host = body && overlayFeatureHost(doc, overlay, rendered, body as HTMLElement, article.lang, settings);
    if (host) features = [attachReadAloud(host), attachHighlights(host, { url: url.href, title: article.title })];
  } catch {
    // A page shaped in a way no rule foresaw must still get a sentence, not a blank overlay.
    article = undefined;
    return fail('The reader could not make sense of this page.');
  }

  if (settings.resumePosition) {
    const at = await loadPosition(url.href);
    if (overlay && at !== undefined && at > RESUME_MIN && at < RESUME_MAX) {
      overlay.scrollTo(at);
      overlay.announce(t('resumed'));
    }
  }
  return { state: { open: true }, close };
}
