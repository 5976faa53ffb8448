/**
 * The reader's typography, colour and reading-aid settings: defaults, validation, clamping to
 * steps, and a reset that leaves the suppression choices alone.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS, LETTER_SPACINGS, SETTINGS_VERSION, STEPPED, TOGGLES, WORD_SPACINGS, parseSettings, resetReader, stepBy,
} from '../../src/settings/schema.ts';

describe('reader fields', () => {
  test('data stored before these fields existed reads with their defaults and keeps its own values', () => {
    const s = parseSettings({ version: 1, theme: 'dark', fontSize: 22, suppress: { shareButtons: false } });
    expect(s).toMatchObject({ theme: 'dark', fontSize: 22, letterSpacing: 0, wordSpacing: 0, textAlign: 'start', showImages: true, focusLine: false });
    expect(s.customColors).toEqual(DEFAULT_SETTINGS.customColors);
    expect(s.suppress.shareButtons).toBe(false);
  });

  test('spacing snaps to its steps and clamps at the ends', () => {
    const s = parseSettings({ version: SETTINGS_VERSION, letterSpacing: 0.045, wordSpacing: 99 });
    expect(LETTER_SPACINGS).toContain(s.letterSpacing);
    expect(s.letterSpacing).toBe(0.04);
    expect(s.wordSpacing).toBe(WORD_SPACINGS.at(-1));
    expect(parseSettings({ version: SETTINGS_VERSION, letterSpacing: -1 }).letterSpacing).toBe(0);
  });

  test('every stepped setting moves one step and stops at its ends', () => {
    for (const [key, steps] of Object.entries(STEPPED)) {
      expect(stepBy(steps, steps[0]!, -1), key).toBe(steps[0]);
      expect(stepBy(steps, steps.at(-1)!, 1), key).toBe(steps.at(-1));
      expect(stepBy(steps, steps[0]!, 1), key).toBe(steps[1]);
    }
  });

  test('themes, fonts and alignment accept only known values', () => {
    expect(parseSettings({ version: 1, theme: 'custom', fontFamily: 'atkinson', textAlign: 'justify' }))
      .toMatchObject({ theme: 'custom', fontFamily: 'atkinson', textAlign: 'justify' });
    expect(parseSettings({ version: 1, theme: 'neon', fontFamily: 'comic', textAlign: 'center' }))
      .toMatchObject({ theme: DEFAULT_SETTINGS.theme, fontFamily: DEFAULT_SETTINGS.fontFamily, textAlign: 'start' });
  });

  test('custom colours must be #rrggbb; a bad one falls back alone and good ones are lower-cased', () => {
    const s = parseSettings({ version: 1, customColors: { text: '#ABCDEF', background: 'red', link: 'url(x)' } });
    expect(s.customColors).toEqual({ text: '#abcdef', background: DEFAULT_SETTINGS.customColors.background, link: DEFAULT_SETTINGS.customColors.link });
    expect(parseSettings({ version: 1, customColors: 'nope' }).customColors).toEqual(DEFAULT_SETTINGS.customColors);
  });

  test('reading aids keep booleans only', () => {
    const raw = Object.fromEntries(TOGGLES.map((k) => [k, 'yes']));
    const s = parseSettings({ version: 1, ...raw });
    for (const key of TOGGLES) expect(s[key], key).toBe(DEFAULT_SETTINGS[key]);
    const flipped = parseSettings({ version: 1, ...Object.fromEntries(TOGGLES.map((k) => [k, !DEFAULT_SETTINGS[k]])) });
    for (const key of TOGGLES) expect(flipped[key], key).toBe(!DEFAULT_SETTINGS[key]);
  });

  test('reset restores the reader look but keeps suppression and per-site choices', () => {
    const changed = parseSettings({
      version: 1, theme: 'dark', fontSize: 30, focusLine: true, customColors: { text: '#000000', background: '#ffffff', link: '#0000ff' },
      suppress: { notificationPrompts: false }, sites: { 'a.example': { suppress: { shareButtons: false } } },
    });
    const reset = resetReader(changed);
    expect(reset.suppress).toEqual(changed.suppress);
    expect(reset.sites).toEqual(changed.sites);
    expect({ ...reset, suppress: DEFAULT_SETTINGS.suppress, sites: {} }).toEqual(DEFAULT_SETTINGS);
  });
});
