/**
 * Background: routes the toggle (toolbar popup, keyboard command) to the tab and keeps the
 * toolbar icon in step with what the content script found. Holds no state that a service
 * worker restart could lose: the icon state lives in the browser, per tab.
 */
import { activeTabId, handleMessages, onCommand, openOptionsPage, sendToTab, setActionState } from '../platform/extension-api.ts';
import type { PageVerdict } from '../detect/detect-article.ts';
import type { ReaderState } from '../messages.ts';
import type { ReaderChoice } from '../settings/schema.ts';
import { fontFaces } from './font-files.ts';
import './guard-registration.ts'; // keeps the native notification-prompt guard registered
import './live-page.ts'; // receipts, restoring, the user stylesheet, content scripts after an update
import { prepareIfUsual, readerAction } from './reader-injection.ts';
import { cacheTabStatus } from '../tab-status.ts';

const ICONS = {
  idle: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  readable: { 16: 'icons/icon-readable-16.png', 32: 'icons/icon-readable-32.png' },
};

async function showVerdict(tabId: number, verdict: PageVerdict, siteChoice: ReaderChoice): Promise<void> {
  const state = siteChoice === 'never'
    ? { title: 'ClearRead: reader not offered on this site (change it in the popup)', icon: ICONS.idle }
    : verdict.readable
      ? { title: 'Open in reader view', icon: ICONS.readable }
      : { title: 'ClearRead: no article detected on this page', icon: ICONS.idle };
  await setActionState(tabId, state);
}

const UNREACHABLE: ReaderState = {
  open: false,
  error: 'The reader can’t run on this tab. Reload the page, or try it on a web page (browser pages are off limits).',
};

/**
 * The content script loads asynchronously, so for a moment after a page starts loading nobody is
 * listening in it yet. A toggle pressed in that window is retried briefly instead of being lost.
 */
async function sendWhenReady<K extends 'get-status'>(tabId: number, type: K) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendToTab(tabId, type, {});
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/** The one path every toggle takes: popup button, keyboard shortcut and the command alike. */
export async function toggleReader(tabId: number | undefined, action: 'toggle' | 'open' = 'toggle'): Promise<ReaderState> {
  const id = tabId ?? (await activeTabId());
  if (id === undefined) return UNREACHABLE;
  try {
    return (await readerAction(id, action)) ?? UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}

handleMessages({
  'page-status': ({ verdict, siteChoice }, sender) => {
    if (sender.tabId === undefined) return;
    void showVerdict(sender.tabId, verdict, siteChoice).catch(() => {});
    const host = sender.url ? new URL(sender.url).hostname : '';
    void cacheTabStatus(sender.tabId, { verdict, siteChoice, host });
    if (verdict.readable && siteChoice !== 'never') void prepareIfUsual(sender.tabId, sender.url).catch(() => {});
  },
  'toggle-reader': ({ tabId }) => toggleReader(tabId),
  'open-reader': (_, sender) => (sender.tabId === undefined ? UNREACHABLE : toggleReader(sender.tabId, 'open')),
  'open-options': () => openOptionsPage(),
  'reader-fonts': (request) => fontFaces(request),
  'get-status': async ({ tabId }) => {
    const id = tabId ?? (await activeTabId());
    if (id === undefined) return undefined;
    return sendWhenReady(id, 'get-status').catch(() => undefined);
  },
});

onCommand((command) => {
  if (command === 'toggle-reader') void toggleReader(undefined);
});

