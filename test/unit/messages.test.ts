import { expect, test } from 'vitest';
import { isMessage, type Message } from '../../src/messages.ts';

test('known message types are recognised', () => {
  const messages: Message[] = [
    { type: 'toggle-reader', tabId: 3 },
    { type: 'get-status' },
    { type: 'page-status', verdict: { readable: true, reason: 'readerable' }, siteChoice: 'ask' },
    { type: 'get-receipts', tabId: 3 },
    { type: 'restore-hidden', tabId: 3, frameId: 0, id: 7 },
    { type: 'force-style' },
  ];
  for (const m of messages) expect(isMessage(m)).toBe(true);
});

test('anything else is ignored, so other listeners and stray posts are left alone', () => {
  for (const value of [undefined, null, 'toggle-reader', 42, {}, { type: 'delete-everything' }, { type: ['toggle-reader'] }, { cmd: 'get-status' }]) {
    expect(isMessage(value)).toBe(false);
  }
});
