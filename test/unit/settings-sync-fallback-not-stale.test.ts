/**
 * What broke: when storage.sync refused a write (quota, policy) the change went to
 * storage.local, but every read still preferred the old synced copy, so the change was lost on
 * the next read. A marker now says the local copy is the newer one until sync accepts a write.
 */
import { expect, test, vi } from 'vitest';

const store = new Map<string, unknown>();
let syncWritable = true;
vi.mock('../../src/platform/extension-api.ts', () => ({
  storageGet: async (area: string, key: string) => structuredClone(store.get(`${area}:${key}`)),
  storageSet: async (area: string, key: string, value: unknown) => {
    if (area === 'sync' && !syncWritable) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    store.set(`${area}:${key}`, structuredClone(value));
  },
  onStorageChange: () => () => {},
}));

const { loadSettings, updateSettings } = await import('../../src/settings/settings-store.ts');

test('a change that sync refused is kept locally and read back, and sync takes over again later', async () => {
  store.set('sync:settings', { version: 1, theme: 'light' });
  syncWritable = false;
  await updateSettings((s) => ({ ...s, theme: 'dark' }));
  expect((await loadSettings()).theme).toBe('dark');

  syncWritable = true;
  await updateSettings((s) => ({ ...s, theme: 'sepia' }));
  expect(store.get('sync:settings')).toMatchObject({ theme: 'sepia' });
  expect((await loadSettings()).theme).toBe('sepia');
});
