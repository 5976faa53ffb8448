import { describe, expect, test } from 'vitest';
import { liveChoices } from '../../src/settings/live-choices.ts';
import { parseSettings, readerChoiceFor, suppressionFor } from '../../src/settings/schema.ts';

/** What the full schema says applies on `host`: the content script's small reader must say the same. */
const full = (stored: unknown, host: string) => {
  const settings = parseSettings(stored);
  return { suppress: suppressionFor(settings, host), reader: readerChoiceFor(settings, host) };
};

const STORED: unknown[] = [
  undefined, null, 42, 'text', [], {},
  { suppress: { notificationPrompts: false } },
  { suppress: { notificationPrompts: 'no', shareButtons: false }, sites: { 'news.example': { suppress: { shareButtons: true } } } },
  { sites: { 'NEWS.example': { reader: 'always' }, 'news.example': { reader: 'never', suppress: { notificationPrompts: false } } } },
  { sites: { 'news.example': { reader: 'sometimes', suppress: { notificationPrompts: 1 } } } },
  { sites: { 'bad host!': { reader: 'never' }, 'news.example': 'not an entry' } },
  { sites: Object.fromEntries([...Array(250)].map((_, i) => [i === 10 ? 'news.example' : `s${i}.example`, { reader: 'never' }])) },
  { sites: Object.fromEntries([...Array(250)].map((_, i) => [i === 240 ? 'news.example' : `s${i}.example`, { reader: 'always' }])) },
  // The unversioned pre-release shape, migrated on read.
  { theme: 'auto', hideNotificationPrompts: false, hideShareButtons: true },
  { version: 1, suppress: { shareButtons: false }, sites: { 'news.example': { suppress: { shareButtons: true, extra: 1 }, reader: 'always' } } },
];

describe('the content script\'s settings reader', () => {
  test.each(STORED.map((s, i) => [i, s]))('agrees with the full schema on stored value #%i', (_i, stored) => {
    for (const host of ['news.example', 'NEWS.EXAMPLE', 'other.example']) expect(liveChoices(stored, host)).toEqual(full(stored, host));
  });
});
