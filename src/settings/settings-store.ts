/**
 * Storage is the settings bus: the popup writes, every open overlay and content script listens.
 * Settings live in storage.sync so they follow the user; when sync is unavailable (disabled by
 * policy, quota exceeded) they fall back to storage.local; reads take sync first, then local.
 */
import { onStorageChange, storageGet, storageSet } from '../platform/extension-api.ts';
import { parseSettings, type Settings } from './schema.ts';
import { LOCAL_IS_NEWER, SETTINGS_KEY as KEY } from './storage-keys.ts';

async function read(area: 'sync' | 'local'): Promise<unknown> {
  try {
    return await storageGet(area, KEY);
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  const localFirst = await storageGet('local', LOCAL_IS_NEWER).catch(() => false);
  const [first, second] = localFirst === true ? (['local', 'sync'] as const) : (['sync', 'local'] as const);
  const value = await read(first);
  return parseSettings(value !== undefined ? value : await read(second));
}

export async function saveSettings(settings: Settings): Promise<void> {
  const clean = parseSettings(settings);
  try {
    await storageSet('sync', KEY, clean);
    await storageSet('local', LOCAL_IS_NEWER, false).catch(() => {});
  } catch {
    // Sync refused (quota, policy): keep the change locally and remember that it is the newer one,
    // or the next read would bring back the stale synced copy.
    await storageSet('local', KEY, clean);
    await storageSet('local', LOCAL_IS_NEWER, true);
  }
}

let pending: Promise<unknown> = Promise.resolve();

/**
 * Read, change, write: one at a time in this context, so quick successive changes (two presses
 * of "-" in the reader) each build on the last instead of both starting from the same read.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  // Bounded wait: a storage call that never settles must not hold every later change hostage.
  const previous = Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  const run = previous.then(async () => {
    const next = parseSettings(change(await loadSettings()));
    await saveSettings(next);
    return next;
  });
  pending = run.catch(() => {});
  return run;
}

export function watchSettings(listener: (settings: Settings) => void): () => void {
  return onStorageChange(KEY, (value) => listener(parseSettings(value)));
}
