/**
 * Finding a highlight again in a changed article: same place; moved (text inserted before it);
 * white space changed; a repeated phrase told apart by its context; the quote itself slightly
 * edited; and gone. Changes are made to fixture text of our own, not the examples.
 */
import { describe, expect, test } from 'vitest';
import { describeRange, locate, similarity } from '../../src/reader/highlights/text-anchor.ts';

const TEXT = 'The harbour master counted the boats at dawn. She wrote the number in the ledger. '
  + 'At noon she counted them again. The number in the ledger did not change. By evening two boats had gone.';
const anchorFor = (quote: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(quote, at + 1);
  return describeRange(TEXT, at, at + quote.length);
};
const found = (text: string, anchor: ReturnType<typeof anchorFor>) => {
  const at = locate(text, anchor);
  return at && text.slice(at.start, at.end);
};

describe('re-anchoring', () => {
  test('the same text: the same place', () => {
    const a = anchorFor('counted them again');
    expect(locate(TEXT, a)).toEqual({ start: a.start, end: a.end });
  });

  test('text inserted before it: found where it moved', () => {
    const changed = `Updated: a correction was added. ${TEXT}`;
    expect(found(changed, anchorFor('wrote the number in the ledger'))).toBe('wrote the number in the ledger');
  });

  test('white space changed by a new extraction', () => {
    const changed = TEXT.replace('ledger. At', 'ledger.\n\nAt').replace(/ /g, '  ');
    expect(found(changed, anchorFor('ledger. At noon'))).toBe('ledger.\n\nAt  noon');
  });

  test('a repeated word: the occurrence whose context matches, after both moved', () => {
    const second = anchorFor('counted', 1);
    const changed = `Before dawn the town slept. ${TEXT}`;
    const at = locate(changed, second)!;
    expect(changed.slice(at.start, at.end + 11)).toBe('counted them again');
  });

  test('the quote edited a little: the new wording between the old context', () => {
    const a = anchorFor('At noon she counted them again.');
    const changed = TEXT.replace('At noon she counted them again.', 'At noon she counted the boats again.');
    expect(found(changed, a)).toBe('At noon she counted the boats again.');
  });

  test('the text gone: not found', () => {
    const a = anchorFor('By evening two boats had gone.');
    expect(locate(TEXT.replace(' By evening two boats had gone.', ''), a)).toBeUndefined();
    const rewritten = TEXT.replace('At noon she counted them again.', 'Nobody looked at the water for the rest of the day, which was unusually quiet.');
    expect(locate(rewritten, anchorFor('At noon she counted them again.'))).toBeUndefined();
  });

  test('similarity is 1 for equal strings and falls with edits', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(similarity('', 'x')).toBe(0);
  });
});
