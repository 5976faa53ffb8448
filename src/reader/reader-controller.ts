/**
 * The reader in one tab: at most one open session, toggled by the background; an article
 * prepared in idle time where the user is likely to open it; and the clean-up of an overlay left
 * by an earlier copy of the extension (an update or reload while the reader was open).
 */
import type { ReaderState } from '../messages.ts';
import { extensionAlive } from '../platform/extension-api.ts';
import { OVERLAY_ATTR } from './overlay.ts';
import { pause } from './pause.ts';
import { prepareArticle, type Preparation } from './prepare-article.ts';
import type { ReaderAction, ReaderHandle } from './reader-global.ts';
import { openReader, type ReaderSession } from './reader-session.ts';
import { articleLabels } from './strings.ts';

/** A prepared article is thrown away once the page has changed this much (elements added). */
const STALE_AFTER_ADDED = 25;

interface Prepared {
  href: string;
  result: Promise<Preparation>;
  added: number;
  observer?: MutationObserver;
}

export function readerController(doc: Document): ReaderHandle {
  const win = doc.defaultView!;
  let session: ReaderSession | undefined;
  let opening: Promise<ReaderState> | undefined;
  let prepared: Prepared | undefined;
  let idle = 0;
  let disposed = false;

  const dropPrepared = () => {
    prepared?.observer?.disconnect();
    prepared = undefined;
  };
  const takePrepared = () => {
    const p = prepared;
    dropPrepared();
    return p && p.href === win.location.href && p.added < STALE_AFTER_ADDED ? p.result : undefined;
  };

  /** Overlays this copy did not make: left by a copy from before an update, whose code is gone or dead. */
  const removeStale = (): boolean => {
    const stale = [...Document.prototype.querySelectorAll.call(doc, `[${OVERLAY_ATTR}]`)];
    for (const host of stale) host.remove();
    return stale.length > 0;
  };

  const open = (): Promise<ReaderState> => {
    if (session) return Promise.resolve(session.state);
    opening ??= (async () => {
      try {
        removeStale();
        const opened = await openReader(doc, new URL(win.location.href), {
          prepared: takePrepared(),
          onClosed: () => {
            session = undefined;
          },
        });
        session = opened.state.open ? opened : undefined;
        return opened.state;
      } finally {
        opening = undefined;
      }
    })();
    return opening;
  };

  const toggle = async (): Promise<ReaderState> => {
    if (opening) await opening;
    if (session) {
      session.close();
      return { open: false };
    }
    // What the user sees open is the reader, whichever copy made it: the toggle closes it.
    if (removeStale()) return { open: false };
    return open();
  };

  /** Prepares the article once the page has loaded and the browser is idle, unless it is hidden. */
  const prepare = () => {
    if (session || opening || prepared || idle) return;
    const start = () => {
      if (win.document.readyState !== 'complete') {
        win.addEventListener('load', start, { once: true });
        return;
      }
      const run = () => {
        idle = 0;
        if (disposed || session || opening || prepared || doc.visibilityState !== 'visible') return;
        const entry: Prepared = {
          href: win.location.href,
          result: prepareArticle(doc, new URL(win.location.href), articleLabels(), () => pause(win)),
          added: 0,
        };
        entry.result.catch(() => {
          if (prepared === entry) dropPrepared();
        });
        if (doc.body && win.MutationObserver) {
          entry.observer = new win.MutationObserver((records) => {
            for (const r of records) entry.added += r.addedNodes.length;
            if (entry.added >= STALE_AFTER_ADDED) dropPrepared();
          });
          entry.observer.observe(doc.body, { childList: true, subtree: true });
        }
        prepared = entry;
      };
      idle = typeof win.requestIdleCallback === 'function'
        ? win.requestIdleCallback(run, { timeout: 3000 })
        : win.setTimeout(run, 500);
    };
    start();
  };

  return {
    alive: extensionAlive,
    async run(action: ReaderAction) {
      if (disposed) return { open: false };
      if (action === 'toggle') return toggle();
      if (action === 'open') return open();
      prepare();
      return session?.state ?? { open: false };
    },
    state: () => session?.state ?? { open: false },
    dispose() {
      disposed = true;
      if (idle && typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(idle);
      dropPrepared();
      session?.close();
      session = undefined;
    },
  };
}
