/**
 * The options page: the popup's reader settings with room to breathe, a preview in the chosen
 * look, and where the keyboard shortcut lives. Same form module, same storage bus.
 */
import { commandShortcut, i18n } from '../platform/extension-api.ts';
import type { Settings } from '../settings/schema.ts';
import { loadSettings, watchSettings } from '../settings/settings-store.ts';
import { bindSettingsForm, buildSettingsForm, localizePage, showSettingsForm } from '../popup/settings-form.ts';
import { previewStyle } from './preview-style.ts';
import { bindSiteList, showSiteList } from './site-list.ts';
import { loadPageFonts } from '../popup/page-fonts.ts';

loadPageFonts();

const form = document.querySelector<HTMLFormElement>('#settings')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const sites = document.querySelector<HTMLElement>('#sites')!;

function show(settings: Settings) {
  showSettingsForm(form, settings);
  preview.setAttribute('style', previewStyle(settings, matchMedia('(prefers-color-scheme: dark)').matches));
  showSiteList(sites, settings);
}

async function main() {
  localizePage();
  buildSettingsForm(form);
  bindSettingsForm(form);
  bindSiteList(sites);
  show(await loadSettings());
  watchSettings(show);
  const shortcut = await commandShortcut('toggle-reader').catch(() => undefined);
  document.querySelector('#shortcut-line')!.textContent = shortcut ? i18n('shortcutsToggle', shortcut) : i18n('noShortcut');
}

void main();
