/**
 * The sites where the user has opened the reader, kept on this device only (storage.local), so
 * the reader can prepare articles there ahead of time. Bounded like the reading positions; pure
 * except for `rememberSite`.
 */
import { storageGet, storageSet } from '../platform/extension-api.ts';

export const SITES_KEY = 'readerSites';
export const MAX_SITES_REMEMBERED = 200;

type Sites = Record<string, number>;

export function parseSites(raw: unknown): Sites {
  const out: Sites = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [host, t] of Object.entries(raw as Record<string, unknown>)) if (typeof t === 'number' && Number.isFinite(t)) out[host] = t;
  return out;
}

export function usedOn(raw: unknown, host: string): boolean {
  return host !== '' && Object.hasOwn(parseSites(raw), host.toLowerCase());
}

export function withSite(all: Sites, host: string, now: number, max = MAX_SITES_REMEMBERED): Sites {
  const next = { ...all, [host.toLowerCase()]: now };
  const hosts = Object.keys(next);
  if (hosts.length <= max) return next;
  return Object.fromEntries(hosts.sort((a, b) => next[b]! - next[a]!).slice(0, max).map((h) => [h, next[h]!]));
}

export async function rememberSite(host: string): Promise<void> {
  if (!host) return;
  try {
    const all = parseSites(await storageGet('local', SITES_KEY));
    await storageSet('local', SITES_KEY, withSite(all, host, Date.now()));
  } catch {
    // Only an optimisation is lost.
  }
}
