/**
 * Voice choice by the article's language, never by list order (speech-dispatcher lists Afrikaans
 * first; Firefox in no stable order): region first, then language, plain voices before their
 * variants; another language's voice only when none speaks the article's, and said so.
 */
import { describe, expect, test } from 'vitest';
import { chooseVoice, languageKey, voicesFor, type VoiceInfo } from '../../src/reader/speech/voices.ts';

const v = (name: string, lang: string, isDefault = false): VoiceInfo => ({ uri: `urn:${name}`, name, lang, isDefault, local: true });
const VOICES = [
  v('Afrikaans', 'af', true), v('English (America)+Adam', 'en-US'), v('English (Great Britain)', 'en-GB'), v('English (Scotland)', 'en-GB-scotland'),
  v('English (America)', 'en-US'), v('English (Caribbean)', 'en-029'), v('German', 'de'), v('English (America, New York City)+Max', 'en-US-NYC'),
];

describe('voices', () => {
  test('the article\'s region first, the plain voice before its variants', () => {
    expect(voicesFor(VOICES, 'en-GB').map((x) => x.name).slice(0, 2)).toEqual(['English (Great Britain)', 'English (Scotland)']);
    expect(voicesFor(VOICES, 'en-US').map((x) => x.name).slice(0, 2)).toEqual(['English (America)', 'English (America)+Adam']);
  });

  test('a bare language takes the UI language\'s region', () => {
    expect(chooseVoice(VOICES, 'en', {}, 'en-US').voice?.name).toBe('English (America)');
    expect(chooseVoice(VOICES, 'en', {}, 'en-GB').voice?.name).toBe('English (Great Britain)');
  });

  test('never the default voice of another language while one speaks the article\'s', () => {
    const choice = chooseVoice(VOICES, 'de-AT', {});
    expect(choice).toMatchObject({ voice: { name: 'German' }, otherLanguage: false });
  });

  test('no voice for the language: the UI language\'s, flagged', () => {
    expect(chooseVoice(VOICES, 'ja', {}, 'en-GB')).toMatchObject({ voice: { name: 'English (Great Britain)' }, otherLanguage: true });
    expect(chooseVoice([], 'en', {})).toEqual({ voice: undefined, otherLanguage: false });
  });

  test('an online voice (Chrome\'s Google voices) is never chosen by itself, only when the user picked it', () => {
    const chrome = [v('Google UK English Female', 'en-GB'), { ...v('Microsoft Hazel', 'en-GB'), local: true }, v('Google Deutsch', 'de-DE')]
      .map((x) => (x.name.startsWith('Google') ? { ...x, local: false } : x));
    expect(chooseVoice(chrome, 'en-GB', {}).voice?.name).toBe('Microsoft Hazel');
    expect(chooseVoice(chrome, 'de', {}, 'en-GB')).toMatchObject({ voice: { name: 'Microsoft Hazel' }, otherLanguage: true });
    expect(chooseVoice(chrome, 'de', { de: 'urn:Google Deutsch' }).voice?.name).toBe('Google Deutsch');
    // Firefox marks every speech-dispatcher voice "not local": then the flag means nothing.
    const firefox = VOICES.map((x) => ({ ...x, local: false }));
    expect(chooseVoice(firefox, 'en-GB', {}).voice?.name).toBe('English (Great Britain)');
  });

  test('the remembered voice for the language, keyed by its primary subtag', () => {
    expect(chooseVoice(VOICES, 'en-GB', { en: 'urn:English (Caribbean)' }).voice?.name).toBe('English (Caribbean)');
    expect(languageKey('pt-BR')).toBe('pt');
    expect(languageKey(undefined)).toBe('und');
  });
});
