/**
 * The popup: the reader toggle for one tab, what was found there, the per-site and global
 * switches, and (folded) the reader's look. It draws at once from what is already known (the
 * tab's address, the status the background cached, the settings) and fills in the tab's live
 * status when the tab answers, so nothing is blank while a slow page responds.
 * Every change is written to storage at once; the open overlay follows through storage events.
 * `?tab=<id>` pins the popup to a tab, for when it is opened as a page rather than from the toolbar.
 */
import { commandShortcut, i18n, openOptionsPage, sendToBackground, tabInfo } from '../platform/extension-api.ts';
import {
  READER_CHOICES, SUPPRESSION_KINDS, readerChoiceFor, suppressionFor, withReaderChoice, type ReaderChoice, type Settings, type SuppressionKind,
} from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import { cachedTabStatus } from '../tab-status.ts';
import { loadPageFonts } from './page-fonts.ts';
import { showReceipts } from './receipts.ts';
import { bindSettingsForm, buildSettingsForm, localizePage, showSettingsForm } from './settings-form.ts';
import type { PageVerdict } from '../detect/detect-article.ts';
import type { ReaderState, TabStatus } from '../messages.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const tabParam = new URLSearchParams(location.search).get('tab');
let tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

const EVERYWHERE = 'everywhere-';

let host = '';
let settings: Settings | undefined;

function showHost(next: string) {
  host = next;
  $('#site-legend').textContent = host ? i18n('siteLegend', host) : i18n('siteLegendDefault');
  if (settings) showSettings(settings);
}

function showVerdict(verdict: PageVerdict | undefined, reader: ReaderState | undefined) {
  const toggle = $<HTMLButtonElement>('#toggle');
  toggle.textContent = i18n(reader?.open ? 'closeReader' : 'openReader');
  toggle.setAttribute('aria-pressed', String(Boolean(reader?.open)));
  if (reader?.error) $('#status').textContent = reader.error;
  else if (verdict) $('#status').textContent = i18n(verdict.readable ? 'statusArticle' : 'statusNoArticle');
}

function showStatus(status: TabStatus | undefined, reader?: ReaderState) {
  if (!status) {
    $('#status').textContent = i18n('statusUnreachable');
    return;
  }
  if (status.host !== host) showHost(status.host);
  showVerdict(status.verdict, reader ?? status.reader);
  void showReceipts($('#receipt'), tabId);
}

function showSettings(next: Settings) {
  settings = next;
  showSettingsForm($<HTMLFormElement>('#settings'), next);
  $<HTMLSelectElement>('#siteReader').value = readerChoiceFor(next, host);
  const choices = suppressionFor(next, host);
  for (const kind of SUPPRESSION_KINDS) {
    $<HTMLInputElement>(`input[name="${kind}"]`).checked = choices[kind];
    $<HTMLInputElement>(`input[name="${EVERYWHERE}${kind}"]`).checked = next.suppress[kind];
  }
}

function bindSettings() {
  const form = $<HTMLFormElement>('#settings');
  buildSettingsForm($('#look'));
  bindSettingsForm(form);
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const on = target.checked;
    if (target.name === 'siteReader' && host && READER_CHOICES.includes(target.value as ReaderChoice)) {
      const choice = target.value as ReaderChoice;
      void updateSettings((s) => withReaderChoice(s, host, choice));
      return;
    }
    if (target.name.startsWith(EVERYWHERE)) {
      const kind = target.name.slice(EVERYWHERE.length) as SuppressionKind;
      if (!SUPPRESSION_KINDS.includes(kind)) return;
      // The global choice; a site the user set explicitly keeps its own choice.
      void updateSettings((s) => ({ ...s, suppress: { ...s.suppress, [kind]: on } }));
      return;
    }
    if (!SUPPRESSION_KINDS.includes(target.name as SuppressionKind) || !host) return;
    const kind = target.name as SuppressionKind;
    void updateSettings((s) => {
      const site = s.sites[host] ?? {};
      return { ...s, sites: { ...s.sites, [host]: { ...site, suppress: { ...site.suppress, [kind]: on } } } };
    });
  });
  $('#options').addEventListener('click', () => void openOptionsPage());
  $('#toggle').addEventListener('click', async () => {
    const reader = await sendToBackground('toggle-reader', { tabId });
    showVerdict(undefined, reader);
    showStatus(await sendToBackground('get-status', { tabId }).catch(() => undefined), reader);
  });
}

async function main() {
  localizePage();
  bindSettings();
  loadPageFonts();
  // What is known locally first: the tab's address, the cached verdict, the settings.
  const tab = await tabInfo(tabId).catch(() => undefined);
  tabId ??= tab?.id;
  const url = tab?.url ? new URL(tab.url) : undefined;
  if (url && /^https?:$/.test(url.protocol)) showHost(url.hostname);
  const [cached, stored] = await Promise.all([
    tabId === undefined ? undefined : cachedTabStatus(tabId),
    loadSettings(),
  ]);
  showSettings(stored);
  watchSettings((next) => {
    showSettings(next);
    // What is hidden changes with the switches; the page needs a moment to apply them.
    setTimeout(() => void showReceipts($('#receipt'), tabId), 300);
  });
  if (cached && (!host || cached.host === host)) showVerdict(cached.verdict, undefined);
  // Then what only the tab knows (the reader's state, what was hidden), when it answers.
  void commandShortcut('toggle-reader').catch(() => undefined).then((shortcut) => {
    if (shortcut) $('#shortcut').textContent = shortcut;
    else $('#shortcut').closest('p')!.textContent = i18n('noShortcut');
  });
  showStatus(await sendToBackground('get-status', { tabId }).catch(() => undefined));
}

void main();
