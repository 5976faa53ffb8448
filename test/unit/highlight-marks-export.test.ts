// @vitest-environment jsdom
/**
 * Highlights as marks (one per text node, never nested, valid inside lists and links), erased
 * without a trace, and in the exports: ==marks== with footnoted notes in Markdown, <mark> with a
 * notes section in HTML, the reader's own attributes and read-aloud wrappers left out; and
 * "Copy highlights" as quotes with notes.
 */
import { describe, expect, test } from 'vitest';
import { drawHighlight, eraseHighlight, marksOf } from '../../src/reader/highlights/highlight-marks.ts';
import { articleToMarkdown } from '../../src/export/markdown.ts';
import { articleToHtml } from '../../src/export/clean-html.ts';
import { highlightsToMarkdown } from '../../src/export/highlights-markdown.ts';

const META = { title: 'The ferry', url: 'https://river.example/ferry' };
const body = (html: string) => {
  document.body.innerHTML = `<div data-reader-body>${html}</div>`;
  return document.querySelector<HTMLElement>('[data-reader-body]')!;
};
const span = (b: Element, quote: string) => {
  const start = b.textContent!.indexOf(quote);
  return { start, end: start + quote.length };
};

describe('marks', () => {
  test('one mark per text node covered, across a link and two list items, no mark directly in a list', () => {
    const b = body('<p>Go <a href="/x">across the</a> bridge.</p><ul>\n<li>first item</li>\n<li>second item</li>\n</ul>');
    const before = b.innerHTML;
    const marks = drawHighlight(b, { id: 'h1', ...span(b, 'across the bridge.'), color: 'green', note: 'A note' });
    expect(marks.map((m) => m.textContent)).toEqual(['across the', ' bridge.']);
    expect(marks[0]!.parentElement!.tagName).toBe('A');
    expect(marks.every((m) => m.getAttribute('title') === 'A note' && m.getAttribute('data-color') === 'green')).toBe(true);
    const listMarks = drawHighlight(b, { id: 'h2', ...span(b, 'item\nsecond'), color: 'yellow', note: '' });
    expect(listMarks.map((m) => m.parentElement!.tagName)).toEqual(['LI', 'LI']);
    eraseHighlight(b, 'h1');
    eraseHighlight(b, 'h2');
    expect(b.innerHTML).toBe(before);
    expect(marksOf(b, 'h1')).toEqual([]);
  });
});

describe('exports with highlights', () => {
  const prepared = () => {
    const b = body('<p>The ferry ran <em>again</em> on Friday. Everyone agreed.</p><p>It will be called the Heron.</p>');
    drawHighlight(b, { id: 'a', ...span(b, 'ran again on Friday.'), color: 'green', note: 'Back in service' });
    drawHighlight(b, { id: 'b', ...span(b, 'the Heron'), color: 'pink', note: '' });
    // A sentence being read aloud when the export is made: plumbing, not content.
    const p = b.querySelectorAll('p')[1]!;
    const w = document.createElement('span');
    w.setAttribute('data-reader-speaking', '');
    w.append(...p.childNodes);
    p.append(w);
    return b;
  };

  test('Markdown: ==marks==, a footnote for the note', () => {
    const md = articleToMarkdown(META, prepared());
    expect(md).toContain('The ferry ==ran== _==again==_ ==on Friday.==[^1] Everyone agreed.');
    expect(md).toContain('It will be called ==the Heron==.');
    expect(md.trimEnd().endsWith('[^1]: Back in service')).toBe(true);
  });

  test('HTML: <mark> with its colour and note, a linked note, no reader attributes', () => {
    const html = articleToHtml({ ...META, notesHeading: 'Notes' }, prepared());
    expect(html).toContain('<mark class="highlight-green" title="Back in service"> on Friday.</mark><sup><a href="#note-1" id="note-ref-1">1</a></sup>');
    expect(html).toContain('<mark class="highlight-pink">the Heron</mark>');
    expect(html).toContain('<section class="notes"><h2>Notes</h2><ol><li id="note-1">Back in service <a href="#note-ref-1">↩</a></li></ol></section>');
    expect(html).not.toMatch(/data-reader-|data-color|tabindex/);
  });

  test('the body on screen is not changed by exporting', () => {
    const b = prepared();
    const before = b.innerHTML;
    articleToMarkdown(META, b);
    articleToHtml(META, b);
    expect(b.innerHTML).toBe(before);
  });

  test('Copy highlights: title, link, each quote with its note, Markdown escaped', () => {
    expect(highlightsToMarkdown(META, [
      { quote: { exact: 'ran again *on* Friday.' }, note: 'Back in service' },
      { quote: { exact: 'first line\n\nsecond line' }, note: '' },
    ])).toBe('# The ferry\n\n<https://river.example/ferry>\n\n> ran again \\*on\\* Friday.\n\nBack in service\n\n> first line\n>\n> second line\n');
  });
});
