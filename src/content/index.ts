/**
 * The always-on content script, kept small: it tells the toolbar whether this page is an
 * article, hides notification prompts and share chrome; the background loads the reader on request.
 */
import { detectArticle, type PageVerdict } from '../detect/detect-article.ts';
import { handleMessages, sendToBackground } from '../platform/extension-api.ts';
import { readerChoiceFor, suppressionFor, type Settings } from '../settings/schema.ts';
import { loadSettings, watchSettings } from '../settings/settings-store.ts';
import { createLiveSuppressor } from '../suppress/live-suppressor.ts';
import { readerHandle } from '../reader/reader-global.ts';

let url = new URL(location.href);
const suppressor = createLiveSuppressor(document);
let verdict: PageVerdict = { readable: false, reason: 'not-article' };

// The reader is not part of this script: the background injects it into this world on demand
// (reader/reader-global.ts), so only its state is read here.
handleMessages({
  'get-status': () => ({
    verdict,
    reader: readerHandle()?.state() ?? { open: false },
    suppressed: suppressor.receipt(),
    host: url.hostname,
  }),
});

let settings: Settings | undefined;
let detected = false;
let autoOpened = false;

/** Tells the toolbar what this page is, and opens the reader by itself where the user asked for that. */
function report() {
  if (!detected || !settings) return;
  const siteChoice = readerChoiceFor(settings, url.hostname);
  void sendToBackground('page-status', { verdict, siteChoice }).catch(() => {});
  if (siteChoice === 'always' && verdict.readable && !autoOpened && !readerHandle()?.state().open) {
    autoOpened = true;
    const open = () => void sendToBackground('open-reader', {}).catch(() => {});
    // After load, so late-loading article parts are in the page when it is read.
    if (document.readyState === 'complete') open();
    else addEventListener('load', open, { once: true });
  }
}

function follow(next: Settings) {
  const before = settings && readerChoiceFor(settings, url.hostname);
  settings = next;
  suppressor.apply(suppressionFor(next, url.hostname));
  if (before !== readerChoiceFor(next, url.hostname)) report();
}
void loadSettings().then(follow);
watchSettings(follow);

// The script starts at document_start so the suppression stylesheet is in place before any
// prompt can paint; detection needs the parsed document, so it waits for it.
function detect() {
  try {
    verdict = detectArticle(document, url);
  } catch {
    // Detection must never break the page; an exotic DOM just means "no reader icon".
  }
  detected = true;
  report();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', detect, { once: true });
else detect();

/**
 * Single-page sites change the URL with history.pushState and swap the content in place: no new
 * document, so no new content script. An isolated world cannot see the page's pushState calls, so
 * the URL is compared once a second while the tab is visible (a string comparison), and on
 * popstate. When the path or query changes, detection runs again once the page stops changing.
 */
const pageKey = (u: URL) => u.origin + u.pathname + u.search;
let settle: { observer: MutationObserver; timer: ReturnType<typeof setTimeout> } | undefined;

function redetectWhenSettled() {
  if (settle) {
    settle.observer.disconnect();
    clearTimeout(settle.timer);
  }
  const started = Date.now();
  const run = () => {
    settle?.observer.disconnect();
    settle = undefined;
    detect();
  };
  // Quiet for 400 ms, or 4 s after the change at most: a page that never stops (a ticker) still gets a verdict.
  const observer = new MutationObserver(() => {
    if (!settle) return;
    clearTimeout(settle.timer);
    settle.timer = setTimeout(run, Date.now() - started > 4000 ? 0 : 400);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  settle = { observer, timer: setTimeout(run, 400) };
}

function checkNavigation() {
  const next = new URL(location.href);
  if (pageKey(next) === pageKey(url)) return;
  url = next;
  autoOpened = false;
  redetectWhenSettled();
}
setInterval(() => {
  if (document.visibilityState === 'visible') checkNavigation();
}, 1000);
addEventListener('popstate', checkNavigation);
document.addEventListener('visibilitychange', checkNavigation);
