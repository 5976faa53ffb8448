// @vitest-environment jsdom
/**
 * What read aloud reads: paragraphs in reading order without code, tables and captions (unless
 * asked), footnote markers or hidden text; sentences that do not break after "Mr." or an
 * initial, and overlong ones cut at a clause boundary.
 */
import { describe, expect, test } from 'vitest';
import { collectParagraphs, ownText } from '../../src/reader/speech/readable-text.ts';
import { splitSentences } from '../../src/reader/speech/sentences.ts';

const SKIP_ALL = { code: true, tables: true, captions: true };
const body = (html: string) => {
  document.body.innerHTML = `<div id="b">${html}</div>`;
  return document.getElementById('b')!;
};
const texts = (html: string, skip = SKIP_ALL) => collectParagraphs([body(html)], skip).map((p) => p.text.replace(/\s+/g, ' ').trim());

describe('paragraphs', () => {
  const page = `<h2>Heading</h2><p>First <a href="#">link</a> text.<sup><a href="#fn1">[1]</a></sup></p>
    <pre><code>let x = 1;</code></pre><table><caption>Cap</caption><tr><td>Cell</td></tr></table>
    <figure><img alt="x"><figcaption>A caption.</figcaption></figure>
    <div>Loose text <p>nested paragraph</p> after it.</div><p hidden>Hidden.</p><p aria-hidden="true">Also hidden.</p>
    <ul><li>Item one</li><li>Item two</li></ul>`;

  test('skips code, tables, captions, footnote markers and hidden text, in reading order', () => {
    expect(texts(page)).toEqual(['Heading', 'First link text.', 'Loose text', 'nested paragraph', 'after it.', 'Item one', 'Item two']);
  });

  test('reads code, tables and captions when asked', () => {
    const all = texts(page, { code: false, tables: false, captions: false });
    expect(all).toContain('let x = 1;');
    expect(all).toContain('Cell');
    expect(all).toContain('Cap');
    expect(all).toContain('A caption.');
  });

  test('a paragraph\'s offsets index its own text, not its nested blocks\'', () => {
    const root = body('<div>Loose text <p>nested</p> after.</div>');
    const [outer, , after] = collectParagraphs([root], SKIP_ALL);
    const own = ownText(outer!.element, SKIP_ALL).index.text;
    expect(own.slice(after!.from, after!.to)).toBe(' after.');
  });
});

describe('sentences', () => {
  const split = (text: string, lang = 'en', max?: number) => {
    const root = body(`<p>${text}</p>`);
    return splitSentences(collectParagraphs([root], SKIP_ALL), lang, max).map((s) => s.text);
  };

  test('one per sentence, white space collapsed, offsets hugging the words', () => {
    const root = body('<p>  One   two.  Three four?   Five! </p>');
    const paragraphs = collectParagraphs([root], SKIP_ALL);
    const sentences = splitSentences(paragraphs, 'en');
    expect(sentences.map((s) => s.text)).toEqual(['One two.', 'Three four?', 'Five!']);
    const own = ownText(paragraphs[0]!.element, SKIP_ALL).index.text;
    expect(sentences.map((s) => own.slice(s.start, s.end))).toEqual(['One   two.', 'Three four?', 'Five!']);
  });

  test('abbreviations and initials do not end a sentence', () => {
    expect(split('Mr. Hale met Dr. Shaw at 5 p.m. on Friday. J. R. R. Tolkien wrote it, e.g. in pencil. The end.'))
      .toEqual(['Mr. Hale met Dr. Shaw at 5 p.m. on Friday.', 'J. R. R. Tolkien wrote it, e.g. in pencil.', 'The end.']);
    expect(split('Hr. Weber kam z.B. gestern. Dann ging er.', 'de')).toEqual(['Hr. Weber kam z.B. gestern.', 'Dann ging er.']);
  });

  test('a sentence longer than an utterance may be is cut at a clause boundary', () => {
    const long = `${'word '.repeat(30)}and then, ${'more '.repeat(30)}end.`;
    const parts = split(long, 'en', 120);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 120)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' ').trim());
  });

  test('pieces without letters or digits are not spoken', () => {
    const root = body('<p>Real words.</p><p> — … </p><p>* * *</p>');
    expect(splitSentences(collectParagraphs([root], SKIP_ALL), 'en').map((s) => s.text)).toEqual(['Real words.']);
  });
});
