/**
 * Every visible word read aloud and highlights add is in the English locale file under its
 * reader_ key, with the same wording and its placeholder declared: the locale file is what the
 * browser shows, the English table only a fallback for tests.
 */
import { describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';

vi.mock('../../src/platform/extension-api.ts', () => ({ i18n: (key: string) => key }));
const { SPEECH_STRINGS_EN } = await import('../../src/reader/speech/speech-strings.ts');
const { HIGHLIGHT_STRINGS_EN } = await import('../../src/reader/highlights/highlight-strings.ts');

const messages = JSON.parse(fs.readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe.each([['read aloud', SPEECH_STRINGS_EN], ['highlights', HIGHLIGHT_STRINGS_EN]] as const)('%s strings', (_, table) => {
  test.each(Object.entries(table))('%s', (key, english) => {
    const entry = messages[`reader_${key}`];
    expect(entry, `reader_${key} in _locales/en/messages.json`).toBeDefined();
    // $NAME$ in the locale file stands for the $1 of the English table.
    const names = Object.entries(entry!.placeholders ?? {});
    let message = entry!.message;
    for (const [name, { content }] of names) message = message.replaceAll(`$${name.toUpperCase()}$`, content);
    expect(message).toBe(english);
    expect(names.length).toBe(english.includes('$1') ? 1 : 0);
  });
});
