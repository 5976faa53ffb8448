/**
 * Highlights in extension storage (storage.local: on this device only, never synced, never sent
 * anywhere): one key per article plus the index, so saving one article never rewrites the others.
 * Past MAX_HIGHLIGHT_ARTICLES, or when storage is full, the least recently changed articles are
 * dropped, and the caller is told how many.
 */
import { storageGetMany, storageRemove, storageSetMany } from '../../platform/extension-api.ts';
import { articleKey } from '../reading-positions.ts';
import {
  INDEX_KEY, MAX_HIGHLIGHT_ARTICLES, articleStorageKey, parseArticle, parseIndex, touchIndex, type ArticleHighlights,
} from './highlight-records.ts';

/** The storage calls the store needs (extension storage in the product, a Map in tests). */
export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const extensionLocalArea: KeyValueArea = {
  get: (keys) => storageGetMany('local', keys),
  set: (items) => storageSetMany('local', items),
  remove: (keys) => storageRemove('local', keys),
};

export interface HighlightStore {
  load(): Promise<ArticleHighlights | undefined>;
  /** Saves this article's highlights; resolves to the number of other articles dropped to make room. */
  save(value: ArticleHighlights): Promise<number>;
}

export function highlightStore(url: string, area: KeyValueArea = extensionLocalArea, max = MAX_HIGHLIGHT_ARTICLES): HighlightStore {
  const key = articleKey(url);
  const storageKey = articleStorageKey(key);
  let queue: Promise<unknown> = Promise.resolve();
  // One write at a time: quick edits must land in the order they were made.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };
  return {
    async load() {
      const got = await area.get([storageKey]);
      return parseArticle(got[storageKey]);
    },
    save(value) {
      return serial(async () => {
        const empty = !value.items.length && !value.missing.length;
        let { index, dropped } = touchIndex(parseIndex((await area.get([INDEX_KEY]))[INDEX_KEY]), key, value.updated, empty, max);
        for (;;) {
          try {
            if (dropped.length) await area.remove(dropped.map(articleStorageKey));
            if (empty) {
              await area.remove([storageKey]);
              await area.set({ [INDEX_KEY]: index });
            } else {
              await area.set({ [storageKey]: value, [INDEX_KEY]: index });
            }
            return dropped.length;
          } catch (error) {
            // Storage full: give up the oldest article and try again, while there is one to give.
            const oldest = Object.keys(index).filter((k) => k !== key).sort((a, b) => index[a]! - index[b]!)[0];
            if (oldest === undefined) throw error;
            delete index[oldest];
            dropped = [...dropped, oldest];
          }
        }
      });
    },
  };
}
