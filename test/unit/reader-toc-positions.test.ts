// @vitest-environment jsdom
/** The contents box for long articles, and the bounded map of reading positions. */
import { describe, expect, test } from 'vitest';
import { buildToc, MIN_TOC_HEADINGS } from '../../src/reader/toc.ts';
import { articleKey, MAX_POSITIONS, parsePositions, withPosition } from '../../src/reader/reading-positions.ts';

function body(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('table of contents', () => {
  test('h2 and h3 become nested entries that point at their headings', () => {
    const b = body('<h2>One</h2><p>x</p><h3>One a</h3><h2>  Two\n </h2><h4>not listed</h4><h2>Three</h2>');
    const toc = buildToc(document, b, 'Contents')!;
    expect(toc.getAttribute('aria-label')).toBe('Contents');
    const links = [...toc.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['One', 'One a', 'Two', 'Three']);
    expect(links.map((a) => a.parentElement!.className)).toEqual(['level-2', 'level-3', 'level-2', 'level-2']);
    for (const a of links) expect(b.querySelector(a.getAttribute('href')!)).not.toBeNull();
  });

  test(`fewer than ${MIN_TOC_HEADINGS} headings (empty ones ignored) give no contents box`, () => {
    expect(buildToc(document, body('<h2>One</h2><h2> </h2><h3>Two</h3>'), 'Contents')).toBeNull();
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
});
