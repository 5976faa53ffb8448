/**
 * The always-on content script, kept small: it hides notification prompts and share chrome in
 * every frame and tells the toolbar whether the page is an article (top frame only); the
 * background injects the reader on request. No polyfill and no settings schema: the platform's live part and a
 * small settings reader do what every page needs.
 */
import { alive, handleLive, sendLive, shadowRootOf } from '../platform/live-api.ts';
import { loadLiveChoices, watchLiveChoices, type LiveChoices } from '../settings/live-choices.ts';
import { createLiveGate } from '../suppress/live-gate.ts';
import type { PageVerdict } from '../detect/detect-article.ts';
import { handOver, idleWhileAlive } from './handover.ts';
import { siteHost, whenVisibleAndIdle } from './page-timing.ts';
import { watchNavigation } from './spa-navigation.ts';
import { readerHandle } from '../reader/reader-global.ts';

const topFrame = window === window.top;
let url = new URL(location.href);
/** The site the user sees in the address bar: per-site choices follow it into every frame. */
const host = topFrame ? url.hostname : siteHost();
const stoppers: (() => void)[] = [];
let stopped = false;

function stop(): void {
  stopped = true;
  suppressor.stop();
  for (const s of stoppers.splice(0)) s();
}

// The finders and the scroll-lock logic load only once something prompt-like or share-like appears.
const suppressor = createLiveGate(document, {
  load: () => import('../suppress/live-suppressor.ts'),
  idle: idleWhileAlive(stop),
  shadowOf: shadowRootOf,
  forceStyle: () => sendLive('force-style', {}).then((ok) => ok === true, () => false),
});
handOver(stop);

// Read from the isolated world by the background (scripting.executeScript), for the popup's receipt.
(globalThis as { __clearreadLive?: unknown }).__clearreadLive = {
  host: location.hostname,
  entries: () => (stopped ? [] : suppressor.entries()),
  restore: (id: number) => (stopped ? false : suppressor.restore(id)),
  inspect: () => (stopped ? [] : suppressor.inspect()),
  get engaged() {
    return suppressor.engaged;
  },
};

let choices: LiveChoices | undefined;
function follow(next: LiveChoices): void {
  if (stopped) return;
  const before = choices?.reader;
  choices = next;
  suppressor.apply(next.suppress);
  if (topFrame && before !== next.reader) report();
}
void loadLiveChoices(host).then(follow, () => follow({ suppress: { notificationPrompts: true, shareButtons: true }, reader: 'ask' }));
stoppers.push(watchLiveChoices(host, follow));

// ---- the reader hook (top frame only) -------------------------------------------------------
let verdict: PageVerdict = { readable: false, reason: 'not-article' };
if (topFrame) {
  stoppers.push(handleLive({
    // The reader is not part of this script: the background injects it into this world on demand
    // (reader/reader-global.ts), and opens and closes it there; only its state is read here.
    // The user is asking now (the popup): a verdict not yet reached in idle time is reached at once,
    // instead of answering "not an article" for a page nobody has looked at yet.
    'get-status': async () => {
      if (!detected && document.readyState !== 'loading') await detectOnce();
      return { verdict, reader: readerHandle()?.state() ?? { open: false }, host: url.hostname };
    },
  }));
}
// ---------------------------------------------------------------------------------------------

let detected = false;
let autoOpened = false;

/** Tells the toolbar what this page is, and opens the reader by itself where the user asked for that. */
function report(): void {
  if (!detected || !choices || stopped || !alive()) return;
  const siteChoice = choices.reader;
  void sendLive('page-status', { verdict, siteChoice }).catch(() => {});
  if (siteChoice === 'always' && verdict.readable && !autoOpened && !readerHandle()?.state().open) {
    autoOpened = true;
    const open = () => void sendLive('open-reader', {}).catch(() => {});
    // After load, so late-loading article parts are in the page when it is read.
    if (document.readyState === 'complete') open();
    else addEventListener('load', open, { once: true });
  }
}

/**
 * Detection reads the parsed page once, in idle time, while the tab is visible (a background tab
 * waits); its code loads only then, so frames and hidden tabs never pay for it.
 */
async function detect(): Promise<void> {
  if (stopped) return;
  try {
    const { detectArticle } = await import('../detect/detect-article.ts');
    if (stopped) return;
    verdict = detectArticle(document, url);
  } catch {
    // Detection must never break the page; an exotic DOM just means "no reader icon".
  }
  detected = true;
  report();
}

/** One detection per page (or per in-page navigation), whoever asks first: idle time or the popup. */
let detection: Promise<void> | undefined;
const detectOnce = () => (detection ??= detect());

if (topFrame) {
  const start = () => stoppers.push(whenVisibleAndIdle(() => void detectOnce()));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  stoppers.push(watchNavigation((next) => {
    url = next;
    autoOpened = false;
    detection = detect();
  }));
}
