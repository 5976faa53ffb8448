/**
 * The popup: the reader toggle for one tab, what was found there, and the reader settings.
 * Every change is written to storage at once; the open overlay follows through storage events.
 * `?tab=<id>` pins the popup to a tab, for when it is opened as a page rather than from the toolbar.
 */
import { commandShortcut, i18n, openOptionsPage, sendToBackground } from '../platform/extension-api.ts';
import {
  READER_CHOICES, SUPPRESSION_KINDS, readerChoiceFor, suppressionFor, withReaderChoice, type ReaderChoice, type Settings, type SuppressionKind,
} from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import { showReceipts } from './receipts.ts';
import { bindSettingsForm, buildSettingsForm, localizePage, showSettingsForm } from './settings-form.ts';
import type { ReaderState, TabStatus } from '../messages.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

const EVERYWHERE = 'everywhere-';

let host = '';

function showStatus(status: TabStatus | undefined, reader?: ReaderState) {
  const toggle = $<HTMLButtonElement>('#toggle');
  const statusLine = $('#status');
  if (!status) {
    statusLine.textContent = i18n('statusUnreachable');
    toggle.disabled = true;
    return;
  }
  host = status.host;
  const state = reader ?? status.reader;
  toggle.disabled = false;
  toggle.textContent = i18n(state.open ? 'closeReader' : 'openReader');
  toggle.setAttribute('aria-pressed', String(state.open));
  statusLine.textContent = state.error
    ? state.error
    : i18n(status.verdict.readable ? 'statusArticle' : 'statusNoArticle');
  void showReceipts($('#receipt'), tabId);
  $('#site-legend').textContent = i18n('siteLegend', host);
}

function showSettings(settings: Settings) {
  showSettingsForm($<HTMLFormElement>('#settings'), settings);
  $<HTMLSelectElement>('#siteReader').value = readerChoiceFor(settings, host);
  const choices = suppressionFor(settings, host);
  for (const kind of SUPPRESSION_KINDS) {
    $<HTMLInputElement>(`input[name="${kind}"]`).checked = choices[kind];
    $<HTMLInputElement>(`input[name="${EVERYWHERE}${kind}"]`).checked = settings.suppress[kind];
  }
}

function bindSettings() {
  const form = $<HTMLFormElement>('#settings');
  buildSettingsForm(form);
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
}

async function main() {
  localizePage();
  bindSettings();
  const [status, settings, shortcut] = await Promise.all([
    sendToBackground('get-status', { tabId }).catch(() => undefined),
    loadSettings(),
    commandShortcut('toggle-reader').catch(() => undefined),
  ]);
  showStatus(status);
  showSettings(settings);
  watchSettings((next) => {
    showSettings(next);
    // What is hidden changes with the switches; the page needs a moment to apply them.
    setTimeout(() => void showReceipts($('#receipt'), tabId), 300);
  });
  if (shortcut) $('#shortcut').textContent = shortcut;
  else $('#shortcut').closest('p')!.textContent = i18n('noShortcut');

  $('#toggle').addEventListener('click', async () => {
    const reader = await sendToBackground('toggle-reader', { tabId });
    showStatus(await sendToBackground('get-status', { tabId }).catch(() => undefined), reader);
  });
}

void main();
