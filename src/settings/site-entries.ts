/**
 * The parts of the settings schema the always-on content script needs too: the suppression kinds
 * and their defaults, and how a per-site entry is read. schema.ts builds on these and re-exports
 * them; they live apart so that the content script carries them without the rest of the schema.
 */
import type { SiteSettings, SuppressionChoices } from './schema.ts';

export const SUPPRESSION_KINDS = ['notificationPrompts', 'shareButtons'] as const;

export const DEFAULT_SUPPRESSION: Readonly<SuppressionChoices> = Object.freeze({ notificationPrompts: true, shareButtons: true });

/** A bound on stored per-site entries, so storage.sync's 8 KB item quota is never the failure. */
export const MAX_SITES = 200;

export const SITE_HOST = /^[a-z0-9.-]{1,253}$/i;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSuppression(value: unknown, fallback: SuppressionChoices): SuppressionChoices {
  const raw = isRecord(value) ? value : {};
  const out = { ...fallback };
  for (const kind of SUPPRESSION_KINDS) if (typeof raw[kind] === 'boolean') out[kind] = raw[kind];
  return out;
}

/** One stored per-site entry; undefined when it holds nothing valid. */
export function parseSiteEntry(entry: unknown): SiteSettings | undefined {
  if (!isRecord(entry)) return undefined;
  const suppress: Partial<SuppressionChoices> = {};
  const raw = isRecord(entry.suppress) ? entry.suppress : {};
  for (const kind of SUPPRESSION_KINDS) if (typeof raw[kind] === 'boolean') suppress[kind] = raw[kind];
  const site: SiteSettings = {};
  if (Object.keys(suppress).length > 0) site.suppress = suppress;
  if (entry.reader === 'always' || entry.reader === 'never') site.reader = entry.reader;
  return site.suppress || site.reader ? site : undefined;
}
