/**
 * Highlights as stored: one entry per article (its highlights, and those whose text could not
 * be found again), and an index of articles by last change, so the oldest can be dropped when
 * the bound is reached. Everything read from storage goes through the parsers here, which keep
 * what is valid and drop what is not, never throwing. Pure.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../settings/schema.ts';
import type { TextQuote } from './text-anchor.ts';

/** Articles whose highlights are kept (the user is told this number). */
export const MAX_HIGHLIGHT_ARTICLES = 300;
export const MAX_HIGHLIGHTS_PER_ARTICLE = 500;
export const MAX_QUOTE = 5_000;
export const MAX_NOTE = 5_000;

export interface HighlightRecord {
  id: string;
  color: HighlightColor;
  note: string;
  quote: TextQuote;
  /** Offsets in the article body's text where it was last found. */
  start: number;
  end: number;
  created: number;
}

export interface ArticleHighlights {
  url: string;
  title: string;
  /** Last change, ms since the epoch. */
  updated: number;
  items: HighlightRecord[];
  /** Highlights whose text is no longer in the article, kept so nothing is lost silently. */
  missing: HighlightRecord[];
}

/** Article key → last change; the oldest go first. */
export type HighlightIndex = Record<string, number>;

export const INDEX_KEY = 'highlightsIndex';
export const articleStorageKey = (articleKey: string) => `highlights:${articleKey}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : undefined);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function parseRecord(raw: unknown): HighlightRecord | undefined {
  if (!isRecord(raw) || !isRecord(raw.quote)) return undefined;
  const id = str(raw.id, 64);
  const exact = str(raw.quote.exact, MAX_QUOTE);
  const start = int(raw.start);
  const end = int(raw.end);
  if (!id || !exact || !exact.trim() || start === undefined || end === undefined || end < start) return undefined;
  return {
    id,
    color: HIGHLIGHT_COLORS.includes(raw.color as HighlightColor) ? (raw.color as HighlightColor) : 'yellow',
    note: str(raw.note, MAX_NOTE) ?? '',
    quote: { exact, prefix: str(raw.quote.prefix, 200) ?? '', suffix: str(raw.quote.suffix, 200) ?? '' },
    start,
    end,
    created: int(raw.created) ?? 0,
  };
}

const parseList = (v: unknown) => (Array.isArray(v) ? v : []).map(parseRecord).filter((r): r is HighlightRecord => !!r).slice(0, MAX_HIGHLIGHTS_PER_ARTICLE);

export function parseArticle(raw: unknown): ArticleHighlights | undefined {
  if (!isRecord(raw)) return undefined;
  const items = parseList(raw.items);
  const missing = parseList(raw.missing);
  if (!items.length && !missing.length) return undefined;
  return { url: str(raw.url, 4000) ?? '', title: str(raw.title, 500) ?? '', updated: int(raw.updated) ?? 0, items, missing };
}

export function parseIndex(raw: unknown): HighlightIndex {
  const out: HighlightIndex = {};
  if (!isRecord(raw)) return out;
  for (const [key, t] of Object.entries(raw)) if (typeof t === 'number' && Number.isFinite(t)) out[key] = t;
  return out;
}

/**
 * The index after `key` changed at `now` (or was emptied), and the articles to drop to stay
 * within `max`: the least recently changed, never `key` itself.
 */
export function touchIndex(index: HighlightIndex, key: string, now: number, empty: boolean, max = MAX_HIGHLIGHT_ARTICLES): { index: HighlightIndex; dropped: string[] } {
  const next = { ...index };
  if (empty) delete next[key];
  else next[key] = now;
  const keys = Object.keys(next);
  if (keys.length <= max) return { index: next, dropped: [] };
  const dropped = keys.filter((k) => k !== key).sort((a, b) => next[a]! - next[b]!).slice(0, keys.length - max);
  for (const k of dropped) delete next[k];
  return { index: next, dropped };
}

/** A short random id: unique within an article, no secure context needed (http pages lack randomUUID). */
export function newId(now: number, random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}
