/**
 * Where the reader left each article, as a bounded map. Pure; resume-position.ts stores it.
 * Positions are fractions of the scroll height, so a font change since does not land the
 * reader somewhere else, and only the most recent MAX_POSITIONS articles are kept.
 */
export const POSITIONS_KEY = 'readingPositions';
export const MAX_POSITIONS = 200;

export interface StoredPosition {
  /** 0..1 of the scrollable height. */
  at: number;
  /** When it was saved, ms since the epoch; the oldest go first. */
  t: number;
}

export type Positions = Record<string, StoredPosition>;

/** One key per article: the URL without its fragment, which only moves within the page. */
export function articleKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function parsePositions(raw: unknown): Positions {
  const out: Positions = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = value as Partial<StoredPosition> | null;
    if (typeof v?.at === 'number' && v.at >= 0 && v.at <= 1 && typeof v.t === 'number' && Number.isFinite(v.t)) out[key] = { at: v.at, t: v.t };
  }
  return out;
}

/** Records a position and drops the least recently read beyond the bound. */
export function withPosition(all: Positions, key: string, at: number, now: number, max = MAX_POSITIONS): Positions {
  const next: Positions = { ...all, [key]: { at: Math.min(1, Math.max(0, at)), t: now } };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  const keep = keys.sort((a, b) => next[b]!.t - next[a]!.t).slice(0, max);
  return Object.fromEntries(keep.map((k) => [k, next[k]!]));
}
