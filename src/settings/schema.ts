/**
 * The one settings schema: shape, defaults, validation and migrations. Storage holds whatever a
 * previous version (or a broken sync) left there, so every read goes through `parseSettings`,
 * which never throws and never loses a valid value because a neighbour was broken.
 */
import { DEFAULT_SUPPRESSION, MAX_SITES, SITE_HOST, SUPPRESSION_KINDS, isRecord, parseSiteEntry, parseSuppression } from './site-entries.ts';

/**
 * Bumped only when a stored field changes meaning or shape. New fields need no bump: a missing
 * field reads as its default, so older stored data stays valid as it is.
 */
export const SETTINGS_VERSION = 2;

export const THEMES = ['system', 'light', 'sepia', 'dark', 'custom'] as const;
/**
 * `literata` (the default: a book face, so the reader looks the same on every system) and
 * `atkinson` (Atkinson Hyperlegible, for readers with low vision or dyslexia) ship inside the
 * extension; the others are the system's own faces.
 */
export const FONT_FAMILIES = ['literata', 'serif', 'sans', 'atkinson', 'mono'] as const;
export const TEXT_ALIGNS = ['start', 'justify'] as const;
/** Discrete steps, as in Firefox's reader: a setting is always one of these, never in between. */
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36, 40] as const;
/**
 * The measure, in characters per line of the article's own text in the chosen font (measured,
 * not `ch`: "0" is wider than an average letter). Lines average about this many characters and
 * the longest run a few more: at the default, 60–72 per line in every font (measured on real
 * pages in both browsers, reader-layout e2e test); the widest step is for those who ask for it.
 */
export const CONTENT_WIDTHS = [46, 50, 54, 58, 62, 66] as const;
export const LINE_HEIGHTS = [1.2, 1.35, 1.5, 1.6, 1.75, 1.9, 2.1, 2.4] as const;
export const LETTER_SPACINGS = [0, 0.02, 0.04, 0.06, 0.08, 0.12] as const; // em
export const WORD_SPACINGS = [0, 0.05, 0.1, 0.16, 0.24, 0.32] as const; // em
/** Every numeric setting and its steps, so controls and keyboard shortcuts share one table. */
export const STEPPED = {
  fontSize: FONT_SIZES, contentWidth: CONTENT_WIDTHS, lineHeight: LINE_HEIGHTS,
  letterSpacing: LETTER_SPACINGS, wordSpacing: WORD_SPACINGS,
} as const;
export type SteppedSetting = keyof typeof STEPPED;
/** On/off reading aids. */
export const TOGGLES = ['showImages', 'dimImages', 'showProgress', 'showToc', 'focusLine', 'resumePosition'] as const;
export type ToggleSetting = (typeof TOGGLES)[number];
export { SUPPRESSION_KINDS } from './site-entries.ts';
/** Read-aloud speeds (× the voice's normal rate). */
export const SPEECH_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
/** What read-aloud skips unless asked: code blocks, tables, figure and table captions. */
export const SPEECH_SKIPPABLE = ['code', 'tables', 'captions'] as const;
export type SpeechSkippable = (typeof SPEECH_SKIPPABLE)[number];
export type SpeechSkip = Record<SpeechSkippable, boolean>;
/** Bound on remembered voices (one per language). */
export const MAX_SPEECH_VOICES = 40;
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export type Theme = (typeof THEMES)[number];
export type FontFamily = (typeof FONT_FAMILIES)[number];
export type TextAlign = (typeof TEXT_ALIGNS)[number];
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

/** Colours for the `custom` theme, as #rrggbb. */
export interface CustomColors {
  text: string;
  background: string;
  link: string;
}
export type SuppressionChoices = Record<SuppressionKind, boolean>;

/** Per host: open the reader by itself on article pages, never offer it, or just show the icon. */
export const READER_CHOICES = ['ask', 'always', 'never'] as const;
export type ReaderChoice = (typeof READER_CHOICES)[number];

export interface SiteSettings {
  /** Per-host override of the global suppression choices; a missing kind follows the global one. */
  suppress?: Partial<SuppressionChoices>;
  /** Missing means 'ask', the default. */
  reader?: Exclude<ReaderChoice, 'ask'>;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  theme: Theme;
  fontFamily: FontFamily;
  fontSize: number;
  contentWidth: number;
  lineHeight: number;
  letterSpacing: number;
  wordSpacing: number;
  textAlign: TextAlign;
  customColors: CustomColors;
  showImages: boolean;
  /** Dims images while a dark theme is showing. */
  dimImages: boolean;
  showProgress: boolean;
  showToc: boolean;
  focusLine: boolean;
  resumePosition: boolean;
  suppress: SuppressionChoices;
  sites: Record<string, SiteSettings>;
  /** Read-aloud speed, one of SPEECH_RATES. */
  speechRate: number;
  /** The voice chosen for each language (primary subtag → the voice's URI). */
  speechVoices: Record<string, string>;
  /** True = skipped when reading aloud. */
  speechSkip: SpeechSkip;
  /** The colour a new highlight gets: the last one chosen. */
  highlightColor: HighlightColor;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  theme: 'system',
  fontFamily: 'literata',
  fontSize: 19,
  contentWidth: 62,
  lineHeight: 1.6,
  letterSpacing: 0,
  wordSpacing: 0,
  textAlign: 'start',
  customColors: Object.freeze({ text: '#1d1d1f', background: '#fdfcf7', link: '#0b57d0' }),
  showImages: true,
  dimImages: false,
  showProgress: true,
  showToc: true,
  focusLine: false,
  resumePosition: true,
  suppress: { ...DEFAULT_SUPPRESSION },
  sites: {},
  speechRate: 1,
  speechVoices: {},
  speechSkip: { code: true, tables: true, captions: true },
  highlightColor: 'yellow',
});

export { MAX_SITES };

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

const HEX = /^#[0-9a-f]{6}$/i;

function parseColors(value: unknown, fallback: CustomColors): CustomColors {
  const raw = isRecord(value) ? value : {};
  const pick = (key: keyof CustomColors) => {
    const v = raw[key];
    return typeof v === 'string' && HEX.test(v) ? v.toLowerCase() : fallback[key];
  };
  return { text: pick('text'), background: pick('background'), link: pick('link') };
}

const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/**
 * The reader's text and look, i.e. what "Reset" restores (not suppression or per-site choices,
 * nor the voice picked for each language, which is a choice among installed voices, not a look).
 */
export function resetReader(settings: Settings): Settings {
  const { version, suppress, sites, speechVoices } = settings;
  return { ...structuredClone(DEFAULT_SETTINGS), version, suppress, sites, speechVoices } as Settings;
}

const LANGUAGE_KEY = /^([a-z]{2,3}|und)$/;

function parseVoices(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [lang, uri] of Object.entries(value).slice(-MAX_SPEECH_VOICES)) {
    if (LANGUAGE_KEY.test(lang) && typeof uri === 'string' && uri.length > 0 && uri.length <= 300) out[lang] = uri;
  }
  return out;
}

function parseSkip(value: unknown, fallback: SpeechSkip): SpeechSkip {
  const raw = isRecord(value) ? value : {};
  const out = { ...fallback };
  for (const kind of SPEECH_SKIPPABLE) if (typeof raw[kind] === 'boolean') out[kind] = raw[kind];
  return out;
}

export { parseSiteEntry, parseSuppression, SITE_HOST };

function parseSites(value: unknown): Record<string, SiteSettings> {
  if (!isRecord(value)) return {};
  const out: Record<string, SiteSettings> = {};
  for (const [host, entry] of Object.entries(value).slice(-MAX_SITES)) {
    const site = SITE_HOST.test(host) ? parseSiteEntry(entry) : undefined;
    if (site) out[host.toLowerCase()] = site;
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
  /**
   * 1 → 2: the width was in em, which held 96–108 characters of a narrow system serif; it is now
   * in characters, scaled so a narrower or wider choice stays narrower or wider than the default.
   * The system serif was the default face and is stored as 'serif' by anyone who saved any
   * setting; the bundled face replaces it as the default (pick Serif again to keep it).
   */
  1: ({ contentWidth, fontFamily, ...rest }) => ({
    ...rest,
    contentWidth: typeof contentWidth === 'number' ? Math.round((contentWidth / 40) * DEFAULT_SETTINGS.contentWidth) : contentWidth,
    fontFamily: fontFamily === 'serif' ? 'literata' : fontFamily,
    version: 2,
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
    letterSpacing: nearestStep(LETTER_SPACINGS, raw.letterSpacing, d.letterSpacing),
    wordSpacing: nearestStep(WORD_SPACINGS, raw.wordSpacing, d.wordSpacing),
    textAlign: oneOf(TEXT_ALIGNS, raw.textAlign, d.textAlign),
    customColors: parseColors(raw.customColors, d.customColors),
    showImages: bool(raw.showImages, d.showImages),
    dimImages: bool(raw.dimImages, d.dimImages),
    showProgress: bool(raw.showProgress, d.showProgress),
    showToc: bool(raw.showToc, d.showToc),
    focusLine: bool(raw.focusLine, d.focusLine),
    resumePosition: bool(raw.resumePosition, d.resumePosition),
    suppress: parseSuppression(raw.suppress, d.suppress),
    sites: parseSites(raw.sites),
    speechRate: nearestStep(SPEECH_RATES, raw.speechRate, d.speechRate),
    speechVoices: parseVoices(raw.speechVoices),
    speechSkip: parseSkip(raw.speechSkip, d.speechSkip),
    highlightColor: oneOf(HIGHLIGHT_COLORS, raw.highlightColor, d.highlightColor),
  };
}

/** What applies on one host: the global choices with that site's overrides on top. */
export function suppressionFor(settings: Settings, host: string): SuppressionChoices {
  return { ...settings.suppress, ...settings.sites[host.toLowerCase()]?.suppress };
}

export function readerChoiceFor(settings: Settings, host: string): ReaderChoice {
  return settings.sites[host.toLowerCase()]?.reader ?? 'ask';
}

/** The same settings with one host's reader choice changed ('ask' removes the entry's choice). */
export function withReaderChoice(settings: Settings, host: string, choice: ReaderChoice): Settings {
  const key = host.toLowerCase();
  const { reader: _old, ...rest } = settings.sites[key] ?? {};
  const site: SiteSettings = choice === 'ask' ? rest : { ...rest, reader: choice };
  const sites = { ...settings.sites };
  if (site.suppress || site.reader) sites[key] = site;
  else delete sites[key];
  return { ...settings, sites };
}
