// @vitest-environment jsdom
/**
 * Text offsets and wrapping: a range wrapped in one element (splitting the inline elements it
 * starts or ends inside) and unwrapped leaves the DOM exactly as it was; offsets survive the
 * splitting of text nodes.
 */
import { describe, expect, test } from 'vitest';
import { indexText, offsetOf, rangeFor, textNodesUnder } from '../../src/reader/text/text-index.ts';
import { wrapRange } from '../../src/reader/text/wrap-range.ts';

const para = (html: string) => {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
};
const wrapText = (root: Element, start: number, end: number) => {
  const index = indexText(textNodesUnder(root));
  const wrapper = document.createElement('span');
  wrapper.setAttribute('data-w', '');
  const undo = wrapRange(rangeFor(index, start, end)!, wrapper);
  return { wrapper, undo };
};

describe('wrapRange', () => {
  const cases: [string, string, string][] = [
    ['inside one text node', '<p>One two. Three four.</p>', 'Three four.'],
    ['starting inside a link and ending after it', '<p>See <a href="/x" id="l">the first page. Then</a> the rest.</p>', 'Then the rest.'],
    ['ending inside emphasis', '<p>Before. <em>Inside the em. And more</em> after.</p>', 'Before. Inside'],
    ['across nested inline elements', '<p>A <b>bold <i>italic. Next</i> words</b> end.</p>', 'Next words end.'],
    ['a whole element', '<p>x <code>code</code> y</p>', 'code'],
  ];
  test.each(cases)('%s: one element holds exactly the text, and undo restores the DOM', (_, html, wanted) => {
    const root = para(html);
    const before = root.innerHTML;
    const start = root.textContent!.indexOf(wanted);
    const { wrapper, undo } = wrapText(root, start, start + wanted.length);
    expect(root.querySelectorAll('[data-w]')).toHaveLength(1);
    expect(wrapper.textContent).toBe(wanted);
    expect(root.textContent).toBe(para(html).textContent);
    undo();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('#l')?.id ?? 'l').toBe('l');
  });

  test('a split element keeps its id on one piece only', () => {
    const root = para('<p><a id="a" href="/">One. Two</a></p>');
    wrapText(root, 5, 8);
    expect(root.querySelectorAll('#a')).toHaveLength(1);
  });

  test('an empty range wraps nothing', () => {
    const root = para('<p>text</p>');
    const { wrapper } = wrapText(root, 2, 2);
    expect(wrapper.isConnected).toBe(false);
  });
});

describe('text offsets', () => {
  test('an offset range survives the text nodes under it being split', () => {
    const root = para('<p>alpha beta gamma</p>');
    const text = root.querySelector('p')!.firstChild as Text;
    text.splitText(3);
    (text.nextSibling as Text).splitText(5);
    const range = rangeFor(indexText(textNodesUnder(root)), 6, 10)!;
    expect(range.toString()).toBe('beta');
  });

  test('a boundary between elements counts the text before it', () => {
    const root = para('<p>one</p><p>two</p>');
    const index = indexText(textNodesUnder(root));
    expect(offsetOf(index, root, 1)).toBe(3);
    expect(offsetOf(index, root, 2)).toBe(6);
    expect(offsetOf(index, root.querySelectorAll('p')[1]!.firstChild!, 2)).toBe(5);
  });

  test('a start at the end of one node moves to the next one', () => {
    const root = para('<p>ab<b>cd</b></p>');
    const range = rangeFor(indexText(textNodesUnder(root)), 2, 4)!;
    expect(range.startContainer.textContent).toBe('cd');
    expect(range.toString()).toBe('cd');
  });
});
