/**
 * Resume where you left off: positions live in storage.local (never synced: they are per device
 * and would eat the sync quota), read and written whole, bounded by reading-positions.ts.
 */
import { storageGet, storageSet } from '../platform/extension-api.ts';
import { articleKey, MAX_POSITIONS, parsePositions, POSITIONS_KEY, withPosition, type StoredPosition, type TextAnchor } from './reading-positions.ts';

export async function loadPosition(url: string): Promise<StoredPosition | undefined> {
  try {
    return parsePositions(await storageGet('local', POSITIONS_KEY))[articleKey(url)];
  } catch {
    return undefined;
  }
}

export async function savePosition(url: string, at: number, anchor?: TextAnchor): Promise<void> {
  try {
    const all = parsePositions(await storageGet('local', POSITIONS_KEY));
    await storageSet('local', POSITIONS_KEY, withPosition(all, articleKey(url), at, Date.now(), MAX_POSITIONS, anchor));
  } catch {
    // Losing a bookmark is better than breaking the reader.
  }
}
