/**
 * Runs the reader in a tab. The reader bundle (Readability, the sanitiser, the overlay) is one
 * classic script that the background injects into the top frame's isolated world only when it is
 * needed: on the first open, or ahead of time where the user reads (prepareIfUsual). It is never
 * web-accessible and never imported by the always-on content script.
 */
import readerFile from '../reader/reader-entry.ts?iife';
import { injectFile, runInTab, storageGet } from '../platform/extension-api.ts';
import { READER_GLOBAL, type ReaderAction } from '../reader/reader-global.ts';
import { SITES_KEY, usedOn } from '../reader/site-memory.ts';
import type { ReaderState } from '../messages.ts';

type Missing = { missing: true };

/**
 * Serialised and run in the page's isolated world, so it must be self-contained: no imports, no
 * closure. An absent handle, or one left by a copy from before an extension update, is "missing".
 */
function callReader(key: string, action: ReaderAction): Promise<ReaderState> | Missing {
  const handle = (globalThis as Record<string, any>)[key];
  if (!handle || typeof handle.alive !== 'function' || !handle.alive()) return { missing: true };
  return handle.run(action);
}

const isMissing = (value: unknown): value is Missing => typeof value === 'object' && value !== null && 'missing' in value;

export async function readerAction(tabId: number, action: ReaderAction): Promise<ReaderState | undefined> {
  const first = await runInTab(tabId, callReader, [READER_GLOBAL, action]);
  if (!isMissing(first)) return first;
  await injectFile(tabId, readerFile);
  const second = await runInTab(tabId, callReader, [READER_GLOBAL, action]);
  return isMissing(second) ? undefined : second;
}

/**
 * An article page on a site where the user has opened the reader before: load the reader and let
 * it prepare the article in idle time, so the next open only has to show it.
 */
export async function prepareIfUsual(tabId: number, url: string | undefined): Promise<void> {
  if (!url) return;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return;
  }
  if (!usedOn(await storageGet('local', SITES_KEY).catch(() => undefined), host)) return;
  await readerAction(tabId, 'prepare');
}
