// @vitest-environment jsdom
/**
 * The contents box for long articles, and the bounded map of reading positions.
 * What broke (issue 12): sub-headings were numbered into the sequence (1, ○, 3, ○, 5…), the box
 * listed a wiki's own "Contents" heading and its "[edit]" links, and it was open even with three
 * headings and on a phone.
 */
import { describe, expect, test } from 'vitest';
import { buildToc, headingText, MIN_TOC_HEADINGS, OPEN_MIN_ENTRIES, tocEntries } from '../../src/reader/toc.ts';
import { articleKey, MAX_POSITIONS, parsePositions, withPosition } from '../../src/reader/reading-positions.ts';

function body(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}
const options = (viewportWidth = 1280) => ({ label: 'Contents', viewportWidth, onFollow: () => {} });

describe('table of contents', () => {
  test('only top-level sections are numbered; their subsections nest under them', () => {
    const b = body('<h2>One</h2><p>x</p><h3>One a</h3><h3>One b</h3><h2>  Two\n </h2><h4>too deep</h4><h2>Three</h2>');
    const toc = buildToc(document, b, options())!;
    expect(toc.box.getAttribute('aria-label')).toBe('Contents');
    const top = toc.box.querySelectorAll(':scope ol.toc-list > li');
    expect([...top].map((li) => li.querySelector(':scope > a')!.textContent)).toEqual(['One', 'Two', 'Three']);
    // Subsections are in an unnumbered list inside their section's item.
    expect([...top[0]!.querySelectorAll('ul > li > a')].map((a) => a.textContent)).toEqual(['One a', 'One b']);
    expect(toc.box.querySelectorAll('ol').length).toBe(1);
    for (const a of toc.box.querySelectorAll('a')) expect(b.querySelector(a.getAttribute('href')!)).not.toBeNull();
  });

  test('when an article has no h2, its h3 are the top level', () => {
    expect(tocEntries(body('<h3>A</h3><h4>A1</h4><h3>B</h3><h3>C</h3>')).map((e) => [e.text, e.children.length])).toEqual([['A', 1], ['B', 0], ['C', 0]]);
  });

  test('a wiki\'s own "Contents" heading and its edit links are not listed', () => {
    const b = body('<h2>Contents</h2><h2>History<span>[<a href="/edit">edit</a>]</span></h2><h2>Geography [edit]</h2><h2>Inhaltsverzeichnis</h2><h3>Climate<a href="/e">edit</a></h3><h2>Sommaire</h2><h2>Economy</h2>');
    expect(tocEntries(b).flatMap((e) => [e.text, ...e.children.map((c) => c.text)])).toEqual(['History', 'Geography', 'Climate', 'Economy']);
    expect(headingText(body('<h2>Edit wars <a href="/e">[edit]</a></h2>').firstElementChild!)).toBe('Edit wars');
  });

  test(`fewer than ${MIN_TOC_HEADINGS} headings (empty ones ignored) give no contents box`, () => {
    expect(buildToc(document, body('<h2>One</h2><h2> </h2><h3>Two</h3>'), options())).toBeNull();
  });

  test('the box starts closed on a narrow screen and when the list is short, open when long on a wide one', () => {
    const many = body(Array.from({ length: OPEN_MIN_ENTRIES }, (_, i) => `<h2>Part ${i}</h2>`).join(''));
    const few = body('<h2>A</h2><h2>B</h2><h2>C</h2>');
    expect((buildToc(document, many, options(1280))!.box.querySelector('details') as HTMLDetailsElement).open).toBe(true);
    expect((buildToc(document, many.cloneNode(true) as HTMLElement, options(390))!.box.querySelector('details') as HTMLDetailsElement).open).toBe(false);
    expect((buildToc(document, few, options(1280))!.box.querySelector('details') as HTMLDetailsElement).open).toBe(false);
  });

  test('the section being read is marked in every copy of the list', () => {
    const toc = buildToc(document, body('<h2>A</h2><h3>A1</h3><h2>B</h2>'), options())!;
    const copy = toc.list();
    toc.setCurrent(1);
    const current = (root: ParentNode) => [...root.querySelectorAll('a[aria-current="location"]')].map((a) => a.textContent);
    expect(current(toc.box)).toEqual(['A1']);
    expect(current(copy)).toEqual(['A1']);
    toc.setCurrent(2);
    expect(current(toc.box)).toEqual(['B']);
    expect(current(copy)).toEqual(['B']);
  });
});

describe('reading positions', () => {
  test('one key per article: the fragment does not count', () => {
    expect(articleKey('https://a.example/story?id=1#comments')).toBe('https://a.example/story?id=1');
  });

  test('the map is bounded, dropping the least recently read', () => {
    let all = {};
    for (let i = 0; i < MAX_POSITIONS + 5; i++) all = withPosition(all, `u${i}`, 0.5, i);
    expect(Object.keys(all)).toHaveLength(MAX_POSITIONS);
    expect(all).not.toHaveProperty('u0');
    expect(all).toHaveProperty(`u${MAX_POSITIONS + 4}`);
    // Reading an old article again makes it recent.
    all = withPosition(all, 'u10', 0.9, 10_000);
    all = withPosition(all, 'new', 0.1, 10_001);
    expect(all).toHaveProperty('u10');
  });

  test('positions are clamped, and broken stored entries are dropped', () => {
    expect(withPosition({}, 'a', 7, 1)).toEqual({ a: { at: 1, t: 1 } });
    expect(parsePositions({ good: { at: 0.3, t: 5 }, bad: { at: 'x', t: 1 }, out: { at: 2, t: 1 }, nul: null })).toEqual({ good: { at: 0.3, t: 5 } });
    expect(parsePositions('junk')).toEqual({});
  });

  test('a text anchor is kept with the position; a broken anchor leaves the fraction alone', () => {
    const anchor = { block: 12, within: 0.25, text: 'The council voted' };
    expect(withPosition({}, 'a', 0.4, 1, MAX_POSITIONS, anchor)).toEqual({ a: { at: 0.4, t: 1, anchor } });
    expect(parsePositions({ a: { at: 0.4, t: 1, anchor } })).toEqual({ a: { at: 0.4, t: 1, anchor } });
    expect(parsePositions({ a: { at: 0.4, t: 1, anchor: { block: -1, within: 0, text: 'x' } } })).toEqual({ a: { at: 0.4, t: 1 } });
    expect(parsePositions({ a: { at: 0.4, t: 1, anchor: { block: 2, within: 9, text: 'x' } } }).a!.anchor!.within).toBe(1);
  });
});
