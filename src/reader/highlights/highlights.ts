/**
 * Highlights and notes in the reader. Select text → a small toolbar offers the four colours, a
 * note, or Highlight (data-reader-action="highlight"; the H key does the same); a highlight is
 * drawn as marks (highlight-marks.ts), kept per article in extension storage (highlight-store.ts)
 * and found again by its quoted text when the article is opened again (text-anchor.ts). The
 * Highlights button opens the list: jump to each, edit, delete, copy them all. Attached with
 * one call; see feature-host.ts.
 */
import { HIGHLIGHT_COLORS, type HighlightColor, type Settings } from '../../settings/schema.ts';
import { updateSettings, watchSettings } from '../../settings/settings-store.ts';
import { copyText } from '../../export/export-actions.ts';
import { highlightsToMarkdown } from '../../export/highlights-markdown.ts';
import { addStyles, el, featureButton, selectionRange, setLabel } from '../dom-helpers.ts';
import { isPlainKey, type ReaderFeature, type ReaderFeatureHost } from '../feature-host.ts';
import { indexText, offsetOf, textNodesUnder } from '../text/text-index.ts';
import featuresCss from '../features.css?inline';
import css from './highlights.css?inline';
import { describeMark, drawHighlight, eraseHighlight, HIGHLIGHT_ATTR, marksOf } from './highlight-marks.ts';
import { MAX_HIGHLIGHT_ARTICLES, MAX_HIGHLIGHTS_PER_ARTICLE, MAX_NOTE, MAX_QUOTE, newId, type ArticleHighlights, type HighlightRecord } from './highlight-records.ts';
import { highlightStore, type HighlightStore } from './highlight-store.ts';
import { th as t, type HighlightString } from './highlight-strings.ts';
import { describeRange, locate } from './text-anchor.ts';

/** The key that highlights the selection. */
export const HIGHLIGHT_KEY = 'h';

const COLOR_NAMES: Record<HighlightColor, HighlightString> = { yellow: 'colorYellow', green: 'colorGreen', blue: 'colorBlue', pink: 'colorPink' };

export interface HighlightsOptions {
  url: string;
  title: string;
  store?: HighlightStore;
  now?: () => number;
}

export interface HighlightsFeature extends ReaderFeature {
  /** Resolves once stored highlights are drawn (tests and the session wait on it). */
  ready: Promise<void>;
}

const excerpt = (text: string, max = 160) => {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

export function attachHighlights(host: ReaderFeatureHost, options: HighlightsOptions): HighlightsFeature {
  const { doc, root, body, scroller } = host;
  const now = options.now ?? Date.now;
  const store = options.store ?? highlightStore(options.url);
  addStyles(root, 'features', featuresCss);
  addStyles(root, 'highlights', css);
  let settings: Settings = host.settings;
  let data: ArticleHighlights = { url: options.url, title: options.title, updated: 0, items: [], missing: [] };

  const bodyText = () => indexText(textNodesUnder(body));

  // ── Toolbar button and list panel ──────────────────────────────────────────
  const panelId = 'clearread-highlights';
  const listButton = featureButton(doc, '✎', t('highlightsLabel', '0'), () => togglePanel());
  listButton.classList.add('highlights-button');
  listButton.setAttribute('aria-expanded', 'false');
  listButton.setAttribute('aria-controls', panelId);
  const count = el(doc, 'span', { class: 'count', 'aria-hidden': 'true' }, '0');
  listButton.append(count);
  // On a phone the row has no room for it: the list opens from the More menu instead.
  listButton.classList.add('overflows');
  host.controls.append(listButton);
  const listItem = host.overflowItem(t('highlightsMenu', '0'), () => togglePanel());
  listItem.setAttribute('aria-controls', panelId);
  const focusListButton = () => host.focusControl(listButton);

  const panel = el(doc, 'section', { class: 'highlights-panel', id: panelId, 'aria-label': t('highlightsPanel'), tabindex: '-1' });
  panel.hidden = true;
  // Highlights that could not be placed are reported here until seen: the status line is shared
  // and fleeting (a resumed position announces itself at the same moment).
  const notice = el(doc, 'div', { class: 'highlights-notice', role: 'status' });
  notice.hidden = true;
  const noticeText = el(doc, 'span', {}, t('highlightsMissing'));
  const showMissing = featureButton(doc, t('showHighlights'), t('showHighlights'), () => togglePanel(true));
  const dismiss = featureButton(doc, '✕', t('dismiss'), () => { notice.hidden = true; focusListButton(); });
  notice.append(noticeText, showMissing, dismiss);
  host.panels.append(notice, panel);

  // ── Popups: the selection tools and the editor ─────────────────────────────
  const selectionTools = el(doc, 'div', { class: 'feature-popup selection-tools', role: 'toolbar', 'aria-label': t('selectionTools') });
  selectionTools.hidden = true;
  const editor = el(doc, 'div', { class: 'feature-popup highlight-editor', role: 'dialog', 'aria-label': t('editHighlight') });
  editor.hidden = true;
  scroller.append(selectionTools, editor);
  // Pressing a popup's button must not take the selection (or the focus) from the text.
  selectionTools.addEventListener('mousedown', (e) => e.preventDefault());

  let pending: Range | undefined;
  const highlightButton = featureButton(doc, t('highlight'), t('highlightKey'), () => void fromSelection(settings.highlightColor, false));
  highlightButton.setAttribute('data-reader-action', 'highlight');
  highlightButton.classList.add('swatch-current');
  const swatches = HIGHLIGHT_COLORS.map((color) => {
    const b = featureButton(doc, '', t('highlightIn', t(COLOR_NAMES[color])), () => void fromSelection(color, false));
    b.classList.add('swatch');
    b.setAttribute('data-color', color);
    return b;
  });
  const noteButton = featureButton(doc, '✎+', t('addNote'), () => void fromSelection(settings.highlightColor, true));
  selectionTools.append(highlightButton, ...swatches, noteButton);

  /** Places a popup under `rect` (client coordinates), inside the scrolled content. */
  const place = (popup: HTMLElement, rect: DOMRect) => {
    const box = scroller.getBoundingClientRect();
    popup.hidden = false;
    const width = popup.offsetWidth || 240;
    const left = Math.max(8, Math.min(rect.left - box.left, scroller.clientWidth - width - 8));
    popup.style.left = `${left}px`;
    popup.style.top = `${rect.bottom - box.top + scroller.scrollTop + 8}px`;
  };

  const hideSelectionTools = () => {
    selectionTools.hidden = true;
    pending = undefined;
  };

  /** The selection, if it holds some of the article's text. */
  const selectedInBody = (): Range | undefined => {
    const range = selectionRange(root);
    if (!range || !range.intersectsNode(body) || !range.toString().trim()) return undefined;
    return range;
  };

  const checkSelection = () => {
    const range = selectedInBody();
    if (!range) return hideSelectionTools();
    pending = range.cloneRange();
    const rects = range.getClientRects();
    place(selectionTools, rects[rects.length - 1] ?? range.getBoundingClientRect());
  };
  let selectionTimer = 0;
  const win = doc.defaultView ?? window;
  const onPointerUp = (event: Event) => {
    if (!event.isTrusted) return;
    win.clearTimeout(selectionTimer);
    selectionTimer = win.setTimeout(checkSelection, 0);
  };
  const onSelectionChange = () => {
    if (!selectionTools.hidden && !selectedInBody()) hideSelectionTools();
  };
  body.addEventListener('pointerup', onPointerUp);
  body.addEventListener('keyup', onPointerUp);
  doc.addEventListener('selectionchange', onSelectionChange);

  // ── Saving ─────────────────────────────────────────────────────────────────
  const save = async () => {
    data = { ...data, title: options.title, updated: now() };
    try {
      const dropped = await store.save(data);
      if (dropped > 0) host.announce(t('highlightsDropped', String(MAX_HIGHLIGHT_ARTICLES)));
    } catch {
      host.announce(t('saveFailed'));
    }
  };

  const byPosition = (a: HighlightRecord, b: HighlightRecord) => a.start - b.start;

  /** The next highlight takes the colour chosen last: at once here, and in settings for next time. */
  const rememberColor = (color: HighlightColor) => {
    if (color === settings.highlightColor) return;
    settings = { ...settings, highlightColor: color };
    void updateSettings((s) => ({ ...s, highlightColor: color }));
  };

  // ── Creating ───────────────────────────────────────────────────────────────
  const fromSelection = async (color: HighlightColor, withNote: boolean) => {
    const range = pending ?? selectedInBody();
    hideSelectionTools();
    if (!range) return;
    const index = bodyText();
    let start = offsetOf(index, range.startContainer, range.startOffset);
    let end = offsetOf(index, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(index.text[start]!)) start++;
    while (end > start && /\s/.test(index.text[end - 1]!)) end--;
    if (end <= start) return;
    if (end - start > MAX_QUOTE) end = start + MAX_QUOTE;
    if (data.items.length >= MAX_HIGHLIGHTS_PER_ARTICLE) return;
    // Overlapping highlights become one: marks never nest, and one passage has one note.
    const overlapping = data.items.filter((h) => h.start < end && h.end > start);
    for (const h of overlapping) {
      start = Math.min(start, h.start);
      end = Math.max(end, h.end);
      eraseHighlight(body, h.id);
    }
    const note = overlapping.map((h) => h.note).filter(Boolean).join('\n\n').slice(0, MAX_NOTE);
    const record: HighlightRecord = {
      id: newId(now()), color, note, ...describeRange(bodyText().text, start, end), created: now(),
    };
    data.items = [...data.items.filter((h) => !overlapping.includes(h)), record].sort(byPosition);
    drawHighlight(body, record);
    doc.getSelection()?.removeAllRanges();
    refresh();
    host.announce(t('highlighted'));
    rememberColor(color);
    if (withNote) openEditor(record.id);
    await save();
  };

  // ── The editor ─────────────────────────────────────────────────────────────
  let editing: string | undefined;
  let returnFocus: HTMLElement | undefined;
  const noteId = 'clearread-highlight-note';
  const noteBox = el(doc, 'textarea', { id: noteId, rows: '3', maxlength: String(MAX_NOTE) });
  const colorRow = el(doc, 'div', { class: 'colors', role: 'group', 'aria-label': t('colorChoice', '') });
  const colorButtons = HIGHLIGHT_COLORS.map((color) => {
    const b = featureButton(doc, '', t('colorChoice', t(COLOR_NAMES[color])), () => recolor(color));
    b.classList.add('swatch');
    b.setAttribute('data-color', color);
    return b;
  });
  colorRow.append(...colorButtons);
  const done = featureButton(doc, t('done'), t('done'), () => closeEditor(true));
  const remove = featureButton(doc, t('deleteHighlight'), t('deleteHighlight'), () => {
    if (editing) void deleteHighlight(editing, true);
  });
  remove.classList.add('danger');
  const actions = el(doc, 'div', { class: 'actions' });
  actions.append(done, remove);
  editor.append(colorRow, el(doc, 'label', { for: noteId }, t('note')), noteBox, actions);
  noteBox.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      closeEditor(true);
    }
  });

  const find = (id: string) => data.items.find((h) => h.id === id);

  function openEditor(id: string, from?: HTMLElement) {
    const record = find(id);
    const [first] = marksOf(body, id);
    if (!record || !first) return;
    if (editing && editing !== id) closeEditor(false);
    editing = id;
    returnFocus = from ?? first;
    noteBox.value = record.note;
    for (const b of colorButtons) b.setAttribute('aria-pressed', String(b.getAttribute('data-color') === record.color));
    const marks = marksOf(body, id);
    place(editor, marks.at(-1)!.getBoundingClientRect());
    noteBox.focus({ preventScroll: true });
  }

  function closeEditor(restoreFocus: boolean) {
    const id = editing;
    if (!id) return;
    editing = undefined;
    editor.hidden = true;
    const record = find(id);
    const note = noteBox.value.slice(0, MAX_NOTE);
    if (record && note !== record.note) {
      record.note = note;
      for (const m of marksOf(body, id)) describeMark(m, record);
      refresh();
      void save();
    }
    if (!restoreFocus) return;
    const back = returnFocus?.isConnected ? returnFocus : marksOf(body, id)[0];
    if (back) back.focus({ preventScroll: true });
    else focusListButton();
  }

  function recolor(color: HighlightColor) {
    const record = editing ? find(editing) : undefined;
    if (!record) return;
    record.color = color;
    for (const m of marksOf(body, record.id)) describeMark(m, { ...record, note: noteBox.value });
    for (const b of colorButtons) b.setAttribute('aria-pressed', String(b.getAttribute('data-color') === color));
    refresh();
    void save();
    rememberColor(color);
  }

  async function deleteHighlight(id: string, fromEditor: boolean) {
    if (fromEditor) {
      editing = undefined;
      editor.hidden = true;
    }
    eraseHighlight(body, id);
    data.items = data.items.filter((h) => h.id !== id);
    data.missing = data.missing.filter((h) => h.id !== id);
    refresh();
    host.announce(t('highlightDeleted'));
    if (fromEditor || !panel.hidden) {
      const inList = panel.hidden ? null : panel.querySelector<HTMLElement>('button:not(:disabled)') ?? panel;
      if (inList) inList.focus({ preventScroll: true });
      else focusListButton();
    }
    await save();
  }

  // A click on a highlight opens its editor.
  const onMarkClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0) return;
    const target = event.composedPath()[0];
    const mark = target instanceof Element ? target.closest(`mark[${HIGHLIGHT_ATTR}]`) : null;
    if (!mark || !body.contains(mark)) return;
    const selected = doc.getSelection();
    if (selected && !selected.isCollapsed && selected.toString().trim()) return;
    openEditor(mark.getAttribute(HIGHLIGHT_ATTR)!, mark as HTMLElement);
  };
  body.addEventListener('click', onMarkClick);

  // ── The list ───────────────────────────────────────────────────────────────
  const jumpTo = (id: string) => {
    const [first] = marksOf(body, id);
    if (!first) return;
    const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    first.scrollIntoView({ block: 'center', behavior: reduced ? 'instant' : 'smooth' });
    first.focus({ preventScroll: true });
  };

  function togglePanel(open = panel.hidden) {
    panel.hidden = !open;
    if (open) notice.hidden = true;
    listButton.setAttribute('aria-expanded', String(open));
    if (open) {
      renderList();
      // An empty list has only a disabled Copy: the panel itself takes the focus, so Esc closes it.
      (panel.querySelector<HTMLElement>('button:not(:disabled)') ?? panel).focus({ preventScroll: true });
    }
  }

  const itemRow = (record: HighlightRecord, missing: boolean) => {
    const li = el(doc, 'li', { 'data-color': record.color, 'data-highlight-id': record.id });
    const quote = excerpt(record.quote.exact);
    if (missing) {
      li.append(el(doc, 'q', {}, quote));
    } else {
      const go = featureButton(doc, quote, t('goTo', quote), () => jumpTo(record.id));
      go.classList.add('quote');
      li.append(go);
    }
    if (record.note) li.append(el(doc, 'p', { class: 'note' }, record.note));
    const row = el(doc, 'div', { class: 'actions' });
    if (!missing) {
      row.append(featureButton(doc, t('edit'), `${t('editHighlight')}: ${quote}`, (e) => {
        jumpTo(record.id);
        openEditor(record.id, e.currentTarget as HTMLElement);
      }));
    }
    row.append(featureButton(doc, missing ? t('forget') : t('deleteHighlight'), `${missing ? t('forget') : t('deleteHighlight')}: ${quote}`, () => void deleteHighlight(record.id, false)));
    li.append(row);
    return li;
  };

  function renderList() {
    if (panel.hidden) return;
    const parts: Node[] = [el(doc, 'h2', {}, t('highlightsPanel'))];
    if (!data.items.length && !data.missing.length) parts.push(el(doc, 'p', { class: 'hint' }, t('noHighlights')));
    if (data.items.length) {
      const list = el(doc, 'ol', { class: 'highlight-list' });
      list.append(...data.items.map((h) => itemRow(h, false)));
      parts.push(list);
    }
    if (data.missing.length) {
      const list = el(doc, 'ul', { class: 'highlight-list missing' });
      list.append(...data.missing.map((h) => itemRow(h, true)));
      parts.push(el(doc, 'h3', {}, t('missingHeading')), el(doc, 'p', { class: 'hint' }, t('missingExplained')), list);
    }
    const footer = el(doc, 'div', { class: 'actions' });
    const copy = featureButton(doc, t('copyHighlights'), t('copyHighlights'), () => void copyAll());
    copy.disabled = !data.items.length && !data.missing.length;
    footer.append(copy);
    parts.push(footer, el(doc, 'p', { class: 'hint' }, t('keptBound', String(MAX_HIGHLIGHT_ARTICLES))));
    panel.replaceChildren(...parts);
  }

  const copyAll = async () => {
    const text = highlightsToMarkdown({ title: options.title, url: options.url }, [...data.items, ...data.missing]);
    host.announce(t((await copyText(doc, text, root)) ? 'highlightsCopied' : 'highlightsCopyFailed'));
  };

  function refresh() {
    const n = data.items.length;
    count.textContent = String(n);
    setLabel(listButton, t('highlightsLabel', String(n)));
    listItem.textContent = t('highlightsMenu', String(n));
    renderList();
  }

  // ── Keys ───────────────────────────────────────────────────────────────────
  const offKey = host.onKey((event) => {
    if (event.key === 'Escape') {
      if (editing) {
        closeEditor(true);
      } else if (!selectionTools.hidden) {
        hideSelectionTools();
      } else if (!panel.hidden && panel.contains(root.activeElement)) {
        togglePanel(false);
        focusListButton();
      } else {
        return false;
      }
      event.preventDefault();
      return true;
    }
    if (isPlainKey(event, HIGHLIGHT_KEY) && !event.shiftKey && selectedInBody()) {
      event.preventDefault();
      void fromSelection(settings.highlightColor, true);
      return true;
    }
    return false;
  });
  const unwatch = watchSettings((next) => { settings = next; });

  // ── Stored highlights, found again ─────────────────────────────────────────
  const ready = (async () => {
    let stored: ArticleHighlights | undefined;
    try {
      stored = await store.load();
    } catch {
      stored = undefined;
    }
    if (!stored || !body.isConnected) return;
    const text = bodyText().text;
    const items: HighlightRecord[] = [];
    const missing: HighlightRecord[] = [];
    let moved = false;
    for (const record of [...stored.items, ...stored.missing]) {
      const at = locate(text, record);
      const overlaps = at && items.some((h) => h.start < at.end && h.end > at.start);
      if (!at || overlaps) {
        missing.push(record);
        continue;
      }
      if (at.start !== record.start || at.end !== record.end) moved = true;
      items.push({ ...record, ...describeRange(text, at.start, at.end) });
    }
    items.sort(byPosition);
    for (const record of items) drawHighlight(body, record);
    const newlyMissing = missing.filter((m) => !stored!.missing.some((s) => s.id === m.id));
    data = { ...stored, items, missing };
    refresh();
    if (newlyMissing.length) {
      notice.hidden = false;
      host.announce(t('highlightsMissing'));
    }
    if (moved || newlyMissing.length || missing.length !== stored.missing.length) await save();
  })();

  return {
    ready,
    destroy() {
      if (editing) closeEditor(false);
      win.clearTimeout(selectionTimer);
      offKey();
      unwatch();
      body.removeEventListener('pointerup', onPointerUp);
      body.removeEventListener('keyup', onPointerUp);
      body.removeEventListener('click', onMarkClick);
      doc.removeEventListener('selectionchange', onSelectionChange);
      listButton.remove();
      listItem.remove();
      panel.remove();
      notice.remove();
      selectionTools.remove();
      editor.remove();
    },
  };
}
