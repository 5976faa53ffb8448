/**
 * Read-aloud and highlight settings in the one schema: defaults for data stored before they
 * existed, speed snapped to its steps, voices per language bounded and validated, skip choices
 * field by field, highlight colour from the four; Reset keeps the voices chosen.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, MAX_SPEECH_VOICES, SPEECH_RATES, parseSettings, resetReader } from '../../src/settings/schema.ts';

describe('read aloud and highlight settings', () => {
  test('older stored data reads with the defaults', () => {
    const s = parseSettings({ version: 1, theme: 'dark' });
    expect(s).toMatchObject({ speechRate: 1, speechVoices: {}, speechSkip: { code: true, tables: true, captions: true }, highlightColor: 'yellow' });
  });

  test('speed snaps to 0.5–3×', () => {
    expect(parseSettings({ version: 1, speechRate: 9 }).speechRate).toBe(3);
    expect(parseSettings({ version: 1, speechRate: 0.1 }).speechRate).toBe(0.5);
    expect(parseSettings({ version: 1, speechRate: 1.3 }).speechRate).toBe(1.25);
    expect(SPEECH_RATES).toContain(parseSettings({ version: 1, speechRate: 'fast' }).speechRate);
  });

  test('voices: language keys and voice ids only, at most MAX_SPEECH_VOICES', () => {
    const raw = { en: 'urn:voice:en', 'en-US': 'x', xx1: 'y', de: 42, fr: '', pt: 'p'.repeat(301) };
    expect(parseSettings({ version: 1, speechVoices: raw }).speechVoices).toEqual({ en: 'urn:voice:en' });
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`, 'v']));
    expect(Object.keys(parseSettings({ version: 1, speechVoices: many }).speechVoices).length).toBeLessThanOrEqual(MAX_SPEECH_VOICES);
  });

  test('skip choices field by field; colour from the four', () => {
    const s = parseSettings({ version: 1, speechSkip: { code: false, tables: 'no' }, highlightColor: 'purple' });
    expect(s.speechSkip).toEqual({ code: false, tables: true, captions: true });
    expect(s.highlightColor).toBe('yellow');
    expect(parseSettings({ version: 1, highlightColor: 'blue' }).highlightColor).toBe('blue');
  });

  test('Reset restores speed and skipping, keeps the voice chosen for each language', () => {
    const s = parseSettings({ version: 1, speechRate: 2, speechVoices: { en: 'urn:v' }, speechSkip: { code: false } });
    expect(resetReader(s)).toMatchObject({ speechRate: DEFAULT_SETTINGS.speechRate, speechVoices: { en: 'urn:v' }, speechSkip: { code: true } });
  });
});
