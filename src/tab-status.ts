/**
 * What the background last heard about each tab, kept in storage.session (memory only, readable
 * by extension pages and the background, not by pages or content scripts), so the popup can show
 * it the moment it opens and fill in the rest when the tab answers.
 */
import type { PageVerdict } from './detect/detect-article.ts';
import { storageGet, storageSet } from './platform/extension-api.ts';
import type { ReaderChoice } from './settings/schema.ts';

export interface CachedTabStatus {
  verdict: PageVerdict;
  siteChoice: ReaderChoice;
  host: string;
}

const key = (tabId: number) => `tabStatus:${tabId}`;

export async function cacheTabStatus(tabId: number, status: CachedTabStatus): Promise<void> {
  await storageSet('session', key(tabId), status).catch(() => {});
}

export async function cachedTabStatus(tabId: number): Promise<CachedTabStatus | undefined> {
  const value = await storageGet('session', key(tabId)).catch(() => undefined);
  const v = value as Partial<CachedTabStatus> | undefined;
  return v && typeof v.host === 'string' && typeof v.verdict?.readable === 'boolean' ? (v as CachedTabStatus) : undefined;
}
