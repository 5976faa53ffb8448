/**
 * Highlights in storage: one key per article plus an index; past the bound, or when storage is
 * full, the least recently changed articles go first and the caller learns how many; anything
 * malformed in storage is dropped field by field, never thrown.
 */
import { describe, expect, test, vi } from 'vitest';

vi.mock('../../src/platform/extension-api.ts', () => ({
  storageGetMany: async () => ({}), storageSetMany: async () => {}, storageRemove: async () => {},
}));
const { highlightStore } = await import('../../src/reader/highlights/highlight-store.ts');
const { INDEX_KEY, articleStorageKey, newId, parseArticle, touchIndex } = await import('../../src/reader/highlights/highlight-records.ts');
type Area = import('../../src/reader/highlights/highlight-store.ts').KeyValueArea;

function memoryArea(limit = Infinity): Area & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) { return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])); },
    async set(items) {
      const next = new Map(data);
      for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
      if (JSON.stringify([...next]).length > limit) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) { keys.forEach((k) => data.delete(k)); },
  };
}

const record = (id: string, exact = 'some quoted text') => ({ id, color: 'yellow' as const, note: '', quote: { exact, prefix: '', suffix: '' }, start: 0, end: exact.length, created: 1 });
const article = (url: string, updated: number, n = 1) => ({ url, title: url, updated, items: Array.from({ length: n }, (_, i) => record(`h${i}`)), missing: [] });

describe('highlight store', () => {
  test('saves and loads one article under its own key; the fragment is not part of it', async () => {
    const area = memoryArea();
    await highlightStore('https://a.example/story#top', area).save(article('https://a.example/story', 5));
    expect([...area.data.keys()].sort()).toEqual([articleStorageKey('https://a.example/story'), INDEX_KEY].sort());
    expect((await highlightStore('https://a.example/story', area).load())?.items).toHaveLength(1);
  });

  test('past the bound, the least recently changed articles are dropped, and counted', async () => {
    const area = memoryArea();
    for (let i = 1; i <= 3; i++) expect(await highlightStore(`https://x.example/${i}`, area, 3).save(article(`https://x.example/${i}`, i))).toBe(0);
    await highlightStore('https://x.example/1', area, 3).save(article('https://x.example/1', 10)); // touched: now the newest
    expect(await highlightStore('https://x.example/4', area, 3).save(article('https://x.example/4', 11))).toBe(1);
    expect(area.data.has(articleStorageKey('https://x.example/2'))).toBe(false);
    expect(Object.keys(area.data.get(INDEX_KEY) as object).sort()).toEqual(['https://x.example/1', 'https://x.example/3', 'https://x.example/4']);
  });

  test('storage full: older articles give way until the new one fits', async () => {
    const area = memoryArea(3_000);
    for (let i = 1; i <= 4; i++) await highlightStore(`https://q.example/${i}`, area).save(article(`https://q.example/${i}`, i, 4));
    const dropped = await highlightStore('https://q.example/big', area).save(article('https://q.example/big', 9, 12));
    expect(dropped).toBeGreaterThan(0);
    expect(area.data.has(articleStorageKey('https://q.example/big'))).toBe(true);
    expect(area.data.has(articleStorageKey('https://q.example/1'))).toBe(false);
  });

  test('an article left with no highlights is removed, not kept empty', async () => {
    const area = memoryArea();
    const store = highlightStore('https://e.example/', area);
    await store.save(article('https://e.example/', 1));
    await store.save({ ...article('https://e.example/', 2), items: [] });
    expect(area.data.has(articleStorageKey('https://e.example/'))).toBe(false);
    expect(area.data.get(INDEX_KEY)).toEqual({});
  });

  test('malformed stored data: bad records dropped, good ones kept, nothing thrown', () => {
    const parsed = parseArticle({ url: 'u', title: 7, updated: 'x', items: [record('a'), { id: 'b' }, null, { ...record('c'), color: 'purple', end: -1 }, { ...record('d'), color: 'pink' }], missing: 'no' });
    expect(parsed?.items.map((r) => [r.id, r.color])).toEqual([['a', 'yellow'], ['d', 'pink']]);
    expect(parsed?.title).toBe('');
    expect(parseArticle('garbage')).toBeUndefined();
  });

  test('touchIndex never drops the article being saved; ids are unique enough without randomUUID', () => {
    const { dropped } = touchIndex({ a: 1, b: 2 }, 'c', 0, false, 2);
    expect(dropped).toEqual(['a']);
    expect(newId(1000, () => 0.5)).toMatch(/^rs-[0-9a-z]{6}$/);
  });
});
