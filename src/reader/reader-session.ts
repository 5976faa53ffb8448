/**
 * One open reader on one page: show the overlay, put the article in it (prepared ahead of time or
 * now), follow settings live, remember the reading position, close and let everything go.
 *
 * Order of work on open, for speed: extraction starts at once while the settings and the font
 * bytes are on their way (they are messages to other processes); on a large page the overlay is
 * painted first with a short "preparing" line, so the click is answered before the heavy work;
 * the sanitiser pauses between batches; nothing forces a layout before the article is in place.
 */
import type { ReaderState } from '../messages.ts';
import { extensionAlive, sendToBackground } from '../platform/extension-api.ts';
import { articleToHtml, exportFileName } from '../export/clean-html.ts';
import { copyText, downloadText } from '../export/export-actions.ts';
import { articleToMarkdown, type ExportMeta } from '../export/markdown.ts';
import { FONT_STACKS } from '../settings/font-stacks.ts';
import { FONT_SIZES, stepBy, type Settings } from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import { showSettingsForm } from '../popup/settings-form.ts';
import { applySettings } from './apply-settings.ts';
import { averageAdvance, DEFAULT_ADVANCE, sampleText } from './measure.ts';
import { overlayFeatureHost, type ReaderFeature } from './feature-host.ts';
import { th } from './highlights/highlight-strings.ts';
import { attachHighlights } from './highlights/highlights.ts';
import { createOverlay, type Overlay } from './overlay.ts';
import { afterPaint, pause } from './pause.ts';
import { prepareArticle, type Preparation, type PreparedArticle } from './prepare-article.ts';
import { readerFonts, type FetchFaces } from './reader-fonts.ts';
import { renderError } from './render-article.ts';
import { captureAnchor, holdAnchor } from './resume-anchor.ts';
import { loadPosition, savePosition } from './resume-position.ts';
import { rememberSite } from './site-memory.ts';
import { articleLabels, t } from './strings.ts';
import { attachReadAloud } from './speech/read-aloud.ts';
import { buildToc, followSections } from './toc.ts';
import type { ToolbarAction } from './toolbar.ts';
import { isTrusted } from './trusted.ts';

export interface ReaderSession {
  state: ReaderState;
  close(): void;
}

export interface OpenOptions {
  /** An article prepared in idle time (or still being prepared), for this page as it is now. */
  prepared?: Promise<Preparation>;
  onClosed(): void;
  fetchFaces?: FetchFaces;
}

/** Above this many elements, extraction takes long enough that the overlay should show first. */
const PAINT_FIRST_ELEMENTS = 3000;
/** Positions this close to either end are not worth resuming to. */
const RESUME_MIN = 0.02;
const RESUME_MAX = 0.98;

const askBackgroundForFaces: FetchFaces = (request) => sendToBackground('reader-fonts', request);

function exportMeta(p: PreparedArticle): ExportMeta {
  const { title, url, byline, siteName, published } = p.article;
  return { title, url, byline, siteName, published, notesHeading: th('notesHeading') };
}

export async function openReader(doc: Document, url: URL, options: OpenOptions): Promise<ReaderSession> {
  const win = doc.defaultView ?? window;
  const labels = articleLabels();
  const settingsLoaded = loadSettings();
  const fonts = readerFonts(doc, options.fetchFaces ?? askBackgroundForFaces);
  let settings: Settings | undefined;
  let overlay: Overlay | undefined;
  let prepared: PreparedArticle | undefined;
  let advance = DEFAULT_ADVANCE;
  let closed = false;
  const cleanups: (() => void)[] = [];

  const remember = () => {
    if (!overlay || !prepared || !settings?.resumePosition) return;
    void savePosition(url.href, overlay.position(), captureAnchor(prepared.body, overlay.textTop()));
  };
  const finish = (save: boolean) => {
    if (closed) return;
    closed = true;
    if (save) remember();
    for (const cleanup of cleanups.splice(0)) cleanup();
    overlay?.destroy();
    fonts.release();
    overlay = undefined;
    prepared = undefined;
    options.onClosed();
  };
  const close = () => finish(true);

  const runExport = async (kind: ToolbarAction) => {
    if (!overlay || !prepared) return;
    const shadow = overlay.host.shadowRoot!;
    const meta = exportMeta(prepared);
    if (kind === 'copy-markdown') {
      const ok = await copyText(doc, articleToMarkdown(meta, prepared.body), shadow);
      overlay.announce(t(ok ? 'copied' : 'copyFailed'));
    } else if (kind === 'save-markdown') {
      downloadText(doc, articleToMarkdown(meta, prepared.body), exportFileName(meta.title, 'md'), 'text/markdown', shadow);
      overlay.announce(t('saved'));
    } else if (kind === 'save-html') {
      downloadText(doc, articleToHtml(meta, prepared.body, prepared.article.lang), exportFileName(meta.title, 'html'), 'text/html', shadow);
      overlay.announce(t('saved'));
    }
  };
  const onAction = (action: ToolbarAction) => {
    // A copy left behind by an extension update can no longer reach storage or the background:
    // it gets out of the way instead of half-working (the new copy opens the reader next time).
    if (action === 'close' || !extensionAlive()) close();
    else if (action === 'print') win.print();
    else if (action === 'options') void sendToBackground('open-options', {}).catch(() => {});
    else void runExport(action);
  };

  /** The settings onto the overlay, and into its panel's controls. */
  const paint = (target: Overlay, s: Settings) => {
    applySettings(target.host, s, advance);
    showSettingsForm(target.toolbar.settingsForm, s);
  };
  /** The column follows the font: measure this article's text in it once its faces are in. */
  const measure = async (next: Settings) => {
    const sample = prepared ? sampleText(prepared.article.text) : '';
    await fonts.use(next.fontFamily, sample);
    return averageAdvance(doc, { family: FONT_STACKS[next.fontFamily], letterSpacing: next.letterSpacing, wordSpacing: next.wordSpacing, sample });
  };
  const show = async (next: Settings) => {
    settings = next;
    const measured = await measure(next);
    if (closed || settings !== next) return;
    advance = measured;
    if (overlay) paint(overlay, next);
  };

  const openShell = (s: Settings) => {
    overlay = createOverlay(doc, labels.locale, {
      onAction,
      onFontStep: (delta) => {
        if (!extensionAlive()) close();
        else void updateSettings((current) => ({ ...current, fontSize: stepBy(FONT_SIZES, current.fontSize, delta) }));
      },
      // The page took the overlay away: nothing to save a position from, only to clean up.
      onLost: () => finish(false),
    });
    paint(overlay, s);
    const loading = doc.createElement('p');
    loading.className = 'loading';
    loading.textContent = t('loading');
    overlay.setContent(loading);
    overlay.onScrollEnd(remember);
    cleanups.push(watchSettings((next) => void show(next)));
    return overlay;
  };

  let preparation = options.prepared && (await options.prepared.catch(() => undefined));
  if (!preparation && doc.getElementsByTagName('*').length > PAINT_FIRST_ELEMENTS) {
    openShell(settings = await settingsLoaded);
    await afterPaint(win);
  }
  try {
    preparation ??= await prepareArticle(doc, url, labels, () => pause(win));
  } catch {
    // A page shaped in a way no rule foresaw must still get a sentence, not a blank overlay.
    preparation = { ok: false, reason: 'failed', message: 'The reader could not make sense of this page.' };
  }
  settings ??= await settingsLoaded;
  if (closed) return { state: { open: false }, close };
  const shell = overlay ?? openShell(settings);

  if (!preparation.ok) {
    shell.setState('error');
    shell.setContent(renderError(doc, preparation.message, labels, (event) => {
      if (isTrusted(event)) close();
    }));
    return { state: { open: true, error: preparation.message }, close };
  }

  prepared = preparation.prepared;
  advance = await measure(settings);
  if (closed) return { state: { open: false }, close };
  paint(shell, settings);
  const toc = buildToc(doc, prepared.body, {
    label: t('contents'),
    viewportWidth: win.innerWidth,
    onFollow: (target, event) => {
      if (!isTrusted(event)) return;
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    },
  });
  if (toc) {
    prepared.element.querySelector('.article-header')?.after(toc.box);
    shell.toolbar.setContents(toc.list());
  }
  shell.setContent(prepared.element);
  shell.setState('article');
  if (toc) cleanups.push(followSections(shell.scroller, toc.targets, (i) => toc.setCurrent(i)));
  // Read aloud and highlights plug into the toolbar's slots; they go before the overlay does.
  const page = { article: prepared.element, body: prepared.body, lang: prepared.article.lang, settings };
  const features: ReaderFeature[] = [
    attachReadAloud(overlayFeatureHost(doc, shell, 'listen', page)),
    attachHighlights(overlayFeatureHost(doc, shell, 'highlight', page), { url: url.href, title: prepared.article.title }),
  ];
  cleanups.push(() => features.forEach((feature) => feature.destroy()));
  void rememberSite(url.hostname);

  if (settings.resumePosition) {
    const saved = await loadPosition(url.href);
    if (!closed && overlay && prepared && saved && saved.at > RESUME_MIN && saved.at < RESUME_MAX) {
      const body = prepared.body;
      const current = overlay;
      if (saved.anchor) cleanups.push(holdAnchor(current.scroller, body, saved.anchor, { top: () => current.textTop(), settleMs: 1500, maxMs: 10_000 }));
      else current.scrollToFraction(saved.at);
      current.announce(t('resumed'));
    }
  }
  return { state: closed ? { open: false } : { open: true }, close };
}
