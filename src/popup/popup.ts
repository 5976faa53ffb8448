/**
 * The popup: the reader toggle for one tab, what was found there, and the reader settings.
 * Every change is written to storage at once; the open overlay follows through storage events.
 * `?tab=<id>` pins the popup to a tab, for when it is opened as a page rather than from the toolbar.
 */
import { commandShortcut, sendToBackground } from '../platform/extension-api.ts';
import {
  CONTENT_WIDTHS, DEFAULT_SETTINGS, FONT_FAMILIES, FONT_SIZES, LINE_HEIGHTS, THEMES, SUPPRESSION_KINDS,
  stepBy, suppressionFor, type Settings, type SuppressionKind,
} from '../settings/schema.ts';
import { loadSettings, updateSettings, watchSettings } from '../settings/settings-store.ts';
import type { ReaderState, TabStatus } from '../messages.ts';
import type { SuppressionReceipt } from '../suppress/receipt.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

const STEPS = { fontSize: FONT_SIZES, contentWidth: CONTENT_WIDTHS, lineHeight: LINE_HEIGHTS } as const;
type StepSetting = keyof typeof STEPS;
const RECEIPT_WORDS: Record<SuppressionKind, [string, string]> = {
  notificationPrompts: ['notification prompt', 'notification prompts'],
  shareButtons: ['share bar', 'share bars'],
};

let host = '';

function describeReceipt(receipt: SuppressionReceipt): string {
  const parts = SUPPRESSION_KINDS.filter((k) => receipt[k] > 0).map((k) => {
    const [one, many] = RECEIPT_WORDS[k];
    return `${receipt[k]} ${receipt[k] === 1 ? one : many}`;
  });
  return parts.length ? `Hidden on this page: ${parts.join(', ')}.` : '';
}

function showStatus(status: TabStatus | undefined, reader?: ReaderState) {
  const toggle = $<HTMLButtonElement>('#toggle');
  const statusLine = $('#status');
  const receipt = $<HTMLParagraphElement>('#receipt');
  if (!status) {
    statusLine.textContent = 'The reader can’t run on this tab. Try it on a web page, or reload this one.';
    toggle.disabled = true;
    return;
  }
  host = status.host;
  const state = reader ?? status.reader;
  toggle.disabled = false;
  toggle.textContent = state.open ? 'Close reader' : 'Open reader';
  toggle.setAttribute('aria-pressed', String(state.open));
  statusLine.textContent = state.error
    ? state.error
    : status.verdict.readable ? 'This page looks like an article.' : 'No article detected here; the reader may not find much.';
  receipt.textContent = describeReceipt(status.suppressed);
  receipt.hidden = receipt.textContent === '';
  $('#site-legend').textContent = `On ${host}`;
}

function showSettings(settings: Settings) {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) input.checked = input.value === settings.theme;
  $<HTMLSelectElement>('#fontFamily').value = settings.fontFamily;
  for (const row of document.querySelectorAll<HTMLElement>('.stepper')) {
    const key = row.dataset.setting as StepSetting;
    const value = settings[key];
    row.querySelector('output')!.textContent = `${value}${row.dataset.unit ?? ''}`;
    const steps: readonly number[] = STEPS[key];
    row.querySelector<HTMLButtonElement>('[data-step="-1"]')!.disabled = value === steps[0];
    row.querySelector<HTMLButtonElement>('[data-step="1"]')!.disabled = value === steps.at(-1);
  }
  const choices = suppressionFor(settings, host);
  for (const kind of SUPPRESSION_KINDS) $<HTMLInputElement>(`input[name="${kind}"]`).checked = choices[kind];
}

function bindSettings() {
  const form = $<HTMLFormElement>('#settings');
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'theme' && THEMES.includes(target.value as Settings['theme'])) {
      void updateSettings((s) => ({ ...s, theme: target.value as Settings['theme'] }));
    } else if (target.name === 'fontFamily' && FONT_FAMILIES.includes(target.value as Settings['fontFamily'])) {
      void updateSettings((s) => ({ ...s, fontFamily: target.value as Settings['fontFamily'] }));
    } else if (SUPPRESSION_KINDS.includes(target.name as SuppressionKind) && host) {
      const kind = target.name as SuppressionKind;
      const on = (target as HTMLInputElement).checked;
      void updateSettings((s) => {
        const site = s.sites[host] ?? {};
        return { ...s, sites: { ...s.sites, [host]: { ...site, suppress: { ...site.suppress, [kind]: on } } } };
      });
    }
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-step]');
    if (!button) return;
    const key = button.closest<HTMLElement>('.stepper')!.dataset.setting as StepSetting;
    const delta = Number(button.dataset.step) as -1 | 1;
    void updateSettings((s) => ({ ...s, [key]: stepBy(STEPS[key], s[key], delta) }));
  });
  $('#reset').addEventListener('click', () => {
    const { theme, fontFamily, fontSize, contentWidth, lineHeight } = DEFAULT_SETTINGS;
    void updateSettings((s) => ({ ...s, theme, fontFamily, fontSize, contentWidth, lineHeight }));
  });
}

async function main() {
  bindSettings();
  const [status, settings, shortcut] = await Promise.all([
    sendToBackground('get-status', { tabId }).catch(() => undefined),
    loadSettings(),
    commandShortcut('toggle-reader').catch(() => undefined),
  ]);
  showStatus(status);
  showSettings(settings);
  watchSettings(showSettings);
  if (shortcut) $('#shortcut').textContent = shortcut;
  else $('#shortcut').closest('p')!.textContent = 'No shortcut set; choose one in the browser’s extension shortcut settings. Esc closes.';

  $('#toggle').addEventListener('click', async () => {
    const reader = await sendToBackground('toggle-reader', { tabId });
    showStatus(await sendToBackground('get-status', { tabId }).catch(() => undefined), reader);
  });
}

void main();
