/**
 * The one settings schema: shape, defaults, validation and migrations. Storage holds whatever a
 * previous version (or a broken sync) left there, so every read goes through `parseSettings`,
 * which never throws and never loses a valid value because a neighbour was broken.
 */

export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONT_FAMILIES = ['serif', 'sans', 'mono'] as const;
/** Discrete steps, as in Firefox's reader: a setting is always one of these, never in between. */
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36, 40] as const;
export const CONTENT_WIDTHS = [28, 32, 36, 40, 44, 48, 54, 60, 70] as const; // em
export const LINE_HEIGHTS = [1.2, 1.35, 1.5, 1.6, 1.75, 1.9, 2.1, 2.4] as const;
export const SUPPRESSION_KINDS = ['notificationPrompts', 'shareButtons'] as const;

export type Theme = (typeof THEMES)[number];
export type FontFamily = (typeof FONT_FAMILIES)[number];
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];
export type SuppressionChoices = Record<SuppressionKind, boolean>;

export interface SiteSettings {
  /** Per-host override of the global suppression choices; a missing kind follows the global one. */
  suppress?: Partial<SuppressionChoices>;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  theme: Theme;
  fontFamily: FontFamily;
  fontSize: number;
  contentWidth: number;
  lineHeight: number;
  suppress: SuppressionChoices;
  sites: Record<string, SiteSettings>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  contentWidth: 40,
  lineHeight: 1.6,
  suppress: { notificationPrompts: true, shareButtons: true },
  sites: {},
});

/** A bound on stored per-site entries, so storage.sync's 8 KB item quota is never the failure. */
export const MAX_SITES = 200;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Snaps a number to the nearest allowed step; non-numbers fall back. */
export function nearestStep(steps: readonly number[], value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  let best = steps[0] ?? fallback;
  for (const step of steps) if (Math.abs(step - n) < Math.abs(best - n)) best = step;
  return best;
}

/** Moves one step up or down from the current value, clamped at the ends. */
export function stepBy(steps: readonly number[], current: number, delta: -1 | 1): number {
  const index = steps.indexOf(nearestStep(steps, current, steps[0] ?? current));
  return steps[Math.min(steps.length - 1, Math.max(0, index + delta))] ?? current;
}

function parseSuppression(value: unknown, fallback: SuppressionChoices): SuppressionChoices {
  const raw = isRecord(value) ? value : {};
  const out = { ...fallback };
  for (const kind of SUPPRESSION_KINDS) if (typeof raw[kind] === 'boolean') out[kind] = raw[kind];
  return out;
}

const HOST = /^[a-z0-9.-]{1,253}$/i;

function parseSites(value: unknown): Record<string, SiteSettings> {
  if (!isRecord(value)) return {};
  const out: Record<string, SiteSettings> = {};
  for (const [host, entry] of Object.entries(value).slice(-MAX_SITES)) {
    if (!HOST.test(host) || !isRecord(entry)) continue;
    const suppress: Partial<SuppressionChoices> = {};
    const raw = isRecord(entry.suppress) ? entry.suppress : {};
    for (const kind of SUPPRESSION_KINDS) if (typeof raw[kind] === 'boolean') suppress[kind] = raw[kind];
    if (Object.keys(suppress).length > 0) out[host.toLowerCase()] = { suppress };
  }
  return out;
}

/**
 * Migrations from older stored shapes, keyed by the version they upgrade *from*.
 * Version 0 is the unversioned pre-release shape: `theme: 'auto'`, font size as a CSS string
 * ("18px"), width in `maxWidth`, and suppression as two flat booleans.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  0: ({ theme, maxWidth, hideNotificationPrompts, hideShareButtons, ...rest }) => ({
    ...rest,
    theme: theme === 'auto' ? 'system' : theme,
    contentWidth: rest.contentWidth ?? maxWidth,
    suppress: rest.suppress ?? { notificationPrompts: hideNotificationPrompts, shareButtons: hideShareButtons },
    version: 1,
  }),
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  let version = typeof current.version === 'number' ? current.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    current = step(current);
    version = typeof current.version === 'number' && current.version > version ? current.version : version + 1;
  }
  return current;
}

/** Turns anything found in storage into valid settings. Never throws. */
export function parseSettings(stored: unknown): Settings {
  const raw = isRecord(stored) ? migrate(stored) : {};
  const d = DEFAULT_SETTINGS;
  return {
    version: SETTINGS_VERSION,
    theme: oneOf(THEMES, raw.theme, d.theme),
    fontFamily: oneOf(FONT_FAMILIES, raw.fontFamily, d.fontFamily),
    fontSize: nearestStep(FONT_SIZES, raw.fontSize, d.fontSize),
    contentWidth: nearestStep(CONTENT_WIDTHS, raw.contentWidth, d.contentWidth),
    lineHeight: nearestStep(LINE_HEIGHTS, raw.lineHeight, d.lineHeight),
    suppress: parseSuppression(raw.suppress, d.suppress),
    sites: parseSites(raw.sites),
  };
}

/** What applies on one host: the global choices with that site's overrides on top. */
export function suppressionFor(settings: Settings, host: string): SuppressionChoices {
  return { ...settings.suppress, ...settings.sites[host.toLowerCase()]?.suppress };
}
