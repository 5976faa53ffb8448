/**
 * What broke: two quick presses of "-" in the reader stepped the text size once, not twice
 * (settings e2e, "+ and -"): both updates read the same stored settings before either wrote.
 */
import { describe, expect, test, vi } from 'vitest';

const store = new Map<string, unknown>();
vi.mock('../../src/platform/extension-api.ts', () => ({
  // Storage answers asynchronously, as the real one does.
  storageGet: async (area: string, key: string) => { await new Promise((r) => setTimeout(r, 5)); return structuredClone(store.get(`${area}:${key}`)); },
  storageSet: async (area: string, key: string, value: unknown) => { await new Promise((r) => setTimeout(r, 5)); store.set(`${area}:${key}`, structuredClone(value)); },
  onStorageChange: () => () => {},
}));

const { loadSettings, updateSettings } = await import('../../src/settings/settings-store.ts');
const { FONT_SIZES, stepBy } = await import('../../src/settings/schema.ts');

describe('settings updates', () => {
  test('quick successive updates each build on the previous one', async () => {
    store.set('sync:settings', { version: 1, fontSize: 20 });
    const smaller = () => updateSettings((s) => ({ ...s, fontSize: stepBy(FONT_SIZES, s.fontSize, -1) }));
    await Promise.all([smaller(), smaller()]);
    expect((await loadSettings()).fontSize).toBe(18);
  });

  test('a failed change does not block the ones after it', async () => {
    await expect(updateSettings(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await updateSettings((s) => ({ ...s, fontSize: 24 }))).fontSize).toBe(24);
  });
});
