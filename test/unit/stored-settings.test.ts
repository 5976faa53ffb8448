/**
 * Settings come back from storage in whatever shape an older version, a sync conflict or a
 * hand-edited profile left there. Reading them must never throw and never lose good values.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS, FONT_SIZES, MAX_SITES, SETTINGS_VERSION, migrate, nearestStep, parseSettings, stepBy, suppressionFor,
} from '../../src/settings/schema.ts';

describe('defaults', () => {
  test('nothing stored gives the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
  test('defaults are themselves valid and stable under a round trip', () => {
    expect(parseSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)))).toEqual(DEFAULT_SETTINGS);
  });
});

describe('validation of bad stored values', () => {
  test.each([['a string', 'oops'], ['a number', 42], ['an array', [1, 2]], ['true', true]])('%s at the top level gives defaults', (_, value) => {
    expect(parseSettings(value)).toEqual(DEFAULT_SETTINGS);
  });

  test('one broken field falls back alone; its valid neighbours survive', () => {
    const s = parseSettings({ version: SETTINGS_VERSION, theme: 'neon', fontFamily: 'sans', fontSize: 'huge', lineHeight: 1.9 });
    expect(s.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(s.fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(s.fontFamily).toBe('sans');
    expect(s.lineHeight).toBe(1.9);
  });

  test('numbers snap to the nearest step and clamp to the ends', () => {
    const s = parseSettings({ version: SETTINGS_VERSION, fontSize: 21.2, contentWidth: 9999, lineHeight: -3 });
    expect(s.fontSize).toBe(22);
    expect(s.contentWidth).toBe(66);
    expect(s.lineHeight).toBe(1.2);
    expect(parseSettings({ version: SETTINGS_VERSION, fontSize: Number.NaN }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(parseSettings({ version: SETTINGS_VERSION, fontSize: Infinity }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });

  test('suppression choices keep booleans only', () => {
    const s = parseSettings({ version: SETTINGS_VERSION, suppress: { notificationPrompts: 'no', shareButtons: false } });
    expect(s.suppress).toEqual({ notificationPrompts: true, shareButtons: false });
  });

  test('per-site entries: invalid hosts and empty entries are dropped, the list is bounded', () => {
    const sites: Record<string, unknown> = {
      'example.org': { suppress: { shareButtons: false } },
      'bad host!': { suppress: { shareButtons: false } },
      'empty.example': { suppress: { nonsense: 1 } },
      'not-an-object.example': 'yes',
    };
    for (let i = 0; i < MAX_SITES + 50; i++) sites[`s${i}.example`] = { suppress: { notificationPrompts: false } };
    const s = parseSettings({ version: SETTINGS_VERSION, sites });
    expect(s.sites['bad host!']).toBeUndefined();
    expect(s.sites['empty.example']).toBeUndefined();
    expect(s.sites['not-an-object.example']).toBeUndefined();
    expect(Object.keys(s.sites).length).toBeLessThanOrEqual(MAX_SITES);
    expect(s.sites[`s${MAX_SITES + 49}.example`]).toEqual({ suppress: { notificationPrompts: false } });
  });

  test('prototype keys in stored data do not leak into settings', () => {
    const s = parseSettings(JSON.parse('{"version":1,"__proto__":{"theme":"dark"},"sites":{"__proto__":{"suppress":{"shareButtons":false}}}}'));
    expect(s.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(({} as Record<string, unknown>).theme).toBeUndefined();
  });
});

describe('migration', () => {
  test('the unversioned pre-release shape is carried over', () => {
    const s = parseSettings({ theme: 'auto', fontSize: '18px', maxWidth: 48, hideNotificationPrompts: false, hideShareButtons: true });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.theme).toBe('system');
    expect(s.fontSize).toBe(18);
    // 48em was wider than the default 40em: it stays wider than the default measure.
    expect(s.contentWidth).toBeGreaterThan(DEFAULT_SETTINGS.contentWidth);
    expect(s.suppress).toEqual({ notificationPrompts: false, shareButtons: true });
  });

  test('version 1 widths in em become widths in characters, on the same side of the default', () => {
    expect(parseSettings({ version: 1, contentWidth: 40 }).contentWidth).toBe(DEFAULT_SETTINGS.contentWidth);
    expect(parseSettings({ version: 1, contentWidth: 28 }).contentWidth).toBeLessThan(DEFAULT_SETTINGS.contentWidth);
    expect(parseSettings({ version: 1, contentWidth: 60 }).contentWidth).toBeGreaterThan(DEFAULT_SETTINGS.contentWidth);
    // A stored version 2 width is already in characters and is not scaled again.
    expect(parseSettings({ version: 2, contentWidth: 50 }).contentWidth).toBe(50);
  });

  test('the system serif, stored by version 1 as the default face, gives way to the bundled face; other faces stay', () => {
    expect(parseSettings({ version: 1, fontFamily: 'serif' }).fontFamily).toBe('literata');
    expect(parseSettings({ version: 1, fontFamily: 'sans' }).fontFamily).toBe('sans');
    expect(parseSettings({ version: 2, fontFamily: 'serif' }).fontFamily).toBe('serif');
  });
  test('current data passes through migrate untouched', () => {
    const current = { ...DEFAULT_SETTINGS, theme: 'dark' };
    expect(migrate(current)).toEqual(current);
  });
  test('data from a newer version is read as well as it can be, not thrown away', () => {
    expect(parseSettings({ version: SETTINGS_VERSION + 5, theme: 'sepia', newThing: 1 }).theme).toBe('sepia');
  });
});

describe('steps and per-site choices', () => {
  test('stepBy moves one step and stops at the ends', () => {
    expect(stepBy(FONT_SIZES, 19, 1)).toBe(20);
    expect(stepBy(FONT_SIZES, 19, -1)).toBe(18);
    expect(stepBy(FONT_SIZES, FONT_SIZES[0], -1)).toBe(FONT_SIZES[0]);
    expect(stepBy(FONT_SIZES, FONT_SIZES.at(-1)!, 1)).toBe(FONT_SIZES.at(-1));
    expect(nearestStep(FONT_SIZES, '24', 19)).toBe(24);
  });
  test('a site override wins over the global choice only for the kind it names', () => {
    const s = parseSettings({ version: SETTINGS_VERSION, sites: { 'news.example': { suppress: { shareButtons: false } } } });
    expect(suppressionFor(s, 'News.Example')).toEqual({ notificationPrompts: true, shareButtons: false });
    expect(suppressionFor(s, 'other.example')).toEqual({ notificationPrompts: true, shareButtons: true });
  });
});

describe('per-site reader choice', () => {
  test('always/never are kept, anything else reads as ask', async () => {
    const { readerChoiceFor } = await import('../../src/settings/schema.ts');
    const s = parseSettings({ version: SETTINGS_VERSION, sites: { 'a.example': { reader: 'always' }, 'b.example': { reader: 'never' }, 'c.example': { reader: 'sometimes' } } });
    expect(readerChoiceFor(s, 'A.example')).toBe('always');
    expect(readerChoiceFor(s, 'b.example')).toBe('never');
    expect(readerChoiceFor(s, 'c.example')).toBe('ask');
    expect(s.sites['c.example']).toBeUndefined();
  });
  test('setting a choice keeps the site suppression choices, and ask removes only the choice', async () => {
    const { withReaderChoice, readerChoiceFor } = await import('../../src/settings/schema.ts');
    const base = parseSettings({ version: SETTINGS_VERSION, sites: { 'a.example': { suppress: { shareButtons: false } } } });
    const always = withReaderChoice(base, 'a.example', 'always');
    expect(always.sites['a.example']).toEqual({ suppress: { shareButtons: false }, reader: 'always' });
    expect(parseSettings(always)).toEqual(always);
    const back = withReaderChoice(always, 'a.example', 'ask');
    expect(back.sites['a.example']).toEqual({ suppress: { shareButtons: false } });
    expect(readerChoiceFor(withReaderChoice(parseSettings(undefined), 'new.example', 'ask'), 'new.example')).toBe('ask');
    expect(withReaderChoice(parseSettings(undefined), 'new.example', 'ask').sites).toEqual({});
  });
});
