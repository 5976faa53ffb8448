/**
 * Where the reader left each article, as a bounded map. Pure; resume-position.ts stores it.
 * A position is a text anchor (which block of the article, how far into it, and the block's
 * opening words to find it again if the blocks shift), with the fraction of the scroll height as
 * a fallback for an article that changed beyond recognition. Only the most recent MAX_POSITIONS
 * articles are kept.
 */
export const POSITIONS_KEY = 'readingPositions';
export const MAX_POSITIONS = 200;

export interface TextAnchor {
  /** Index of the block (paragraph, heading, list item...) among the body's blocks. */
  block: number;
  /** How far into that block the top of the view was, 0..1 of its height. */
  within: number;
  /** The block's opening words. */
  text: string;
}

export interface StoredPosition {
  /** 0..1 of the scrollable height. */
  at: number;
  /** When it was saved, ms since the epoch; the oldest go first. */
  t: number;
  anchor?: TextAnchor;
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

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

function parseAnchor(raw: unknown): TextAnchor | undefined {
  const a = raw as Partial<TextAnchor> | null | undefined;
  if (typeof a !== 'object' || a === null) return undefined;
  if (!Number.isInteger(a.block) || a.block! < 0 || typeof a.within !== 'number' || !Number.isFinite(a.within) || typeof a.text !== 'string') return undefined;
  return { block: a.block!, within: clamp01(a.within), text: a.text.slice(0, 80) };
}

export function parsePositions(raw: unknown): Positions {
  const out: Positions = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const v = value as Partial<StoredPosition> | null;
    if (typeof v?.at !== 'number' || v.at < 0 || v.at > 1 || typeof v.t !== 'number' || !Number.isFinite(v.t)) continue;
    const anchor = parseAnchor(v.anchor);
    out[key] = anchor ? { at: v.at, t: v.t, anchor } : { at: v.at, t: v.t };
  }
  return out;
}

/** Records a position and drops the least recently read beyond the bound. */
export function withPosition(all: Positions, key: string, at: number, now: number, max = MAX_POSITIONS, anchor?: TextAnchor): Positions {
  const entry: StoredPosition = anchor ? { at: clamp01(at), t: now, anchor } : { at: clamp01(at), t: now };
  const next: Positions = { ...all, [key]: entry };
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  const keep = keys.sort((a, b) => next[b]!.t - next[a]!.t).slice(0, max);
  return Object.fromEntries(keep.map((k) => [k, next[k]!]));
}
