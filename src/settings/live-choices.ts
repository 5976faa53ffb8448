/**
 * The few settings the always-on content script needs (the suppression choices and the reader
 * choice for one host), read without the full schema. Types come from schema.ts and the per-field
 * parsers from site-entries.ts (which schema.ts uses too), and a unit test holds this equal to
 * parseSettings + suppressionFor/readerChoiceFor on any stored value, so the two cannot drift.
 */
import { storageGetLive, onStorageKey } from '../platform/live-api.ts';
import { DEFAULT_SUPPRESSION, MAX_SITES, SITE_HOST, isRecord, parseSiteEntry, parseSuppression } from './site-entries.ts';
import { LOCAL_IS_NEWER, SETTINGS_KEY } from './storage-keys.ts';
import type { ReaderChoice, SiteSettings, SuppressionChoices } from './schema.ts';

export interface LiveChoices {
  suppress: SuppressionChoices;
  reader: ReaderChoice;
}

/** What applies on `host`, from whatever storage holds. Never throws. */
export function liveChoices(stored: unknown, host: string): LiveChoices {
  const raw: Record<string, unknown> = isRecord(stored) ? stored : {};
  // The unversioned pre-release shape kept its two choices flat (schema.ts, migration 0).
  const suppress = typeof raw.version === 'number' && raw.version >= 1 ? raw.suppress
    : raw.suppress ?? { notificationPrompts: raw.hideNotificationPrompts, shareButtons: raw.hideShareButtons };
  const key = host.toLowerCase();
  let site: SiteSettings | undefined;
  if (isRecord(raw.sites)) {
    // As parseSites: the newest MAX_SITES entries, valid hosts only, the last spelling of a host wins.
    for (const [name, entry] of Object.entries(raw.sites).slice(-MAX_SITES)) {
      if (name.toLowerCase() !== key || !SITE_HOST.test(name)) continue;
      site = parseSiteEntry(entry) ?? site;
    }
  }
  return {
    suppress: { ...parseSuppression(suppress, DEFAULT_SUPPRESSION), ...site?.suppress },
    reader: site?.reader ?? 'ask',
  };
}

async function readStored(): Promise<unknown> {
  const read = (area: 'sync' | 'local') => storageGetLive(area, SETTINGS_KEY).catch(() => undefined);
  const localFirst = (await storageGetLive('local', LOCAL_IS_NEWER).catch(() => false)) === true;
  const first = await read(localFirst ? 'local' : 'sync');
  return first !== undefined ? first : read(localFirst ? 'sync' : 'local');
}

export async function loadLiveChoices(host: string): Promise<LiveChoices> {
  return liveChoices(await readStored(), host);
}

/** Follows changes; a change may arrive in either area, so the store is read again as a whole. */
export function watchLiveChoices(host: string, listener: (choices: LiveChoices) => void): () => void {
  return onStorageKey(SETTINGS_KEY, () => void loadLiveChoices(host).then(listener, () => {}));
}
