// @vitest-environment jsdom
/**
 * Share chrome must never reach the reader: every share fixture's targets, placed inside a real
 * article, are gone from the extracted article, while embedded posts (article content) stay.
 */
import { describe, expect, test } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { RULES } from '../../src/suppress/rules.ts';
import { loadFixture } from '../fixtures/suppress/load-fixture.ts';

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the story: the council voted to turn the old freight yard into a riverside park, and residents spoke for and against the plan at length during a meeting that ran late into the evening.</p>`).join('');

function articleWith(markup: string): Document {
  const doc = document.implementation.createHTMLDocument('Council approves riverside park');
  doc.body.innerHTML = `<main><article><h1>Council approves riverside park</h1>${PARAGRAPHS.slice(0, 400)}${markup}${PARAGRAPHS}</article></main>`;
  return doc;
}

describe.each(RULES.filter((r) => r.kind === 'shareButtons').map((r) => [r.id, r] as const))('reader without %s', (id, rule) => {
  test('no share target survives extraction', () => {
    const fixture = loadFixture(rule.fixture);
    const targets = [...fixture.querySelectorAll('[data-expect="hidden"]')];
    const markers = targets.map((el, i) => {
      el.setAttribute('data-target', String(i));
      return `data-target="${i}"`;
    });
    const result = extractArticle(articleWith(targets.map((el) => el.outerHTML).join('')), new URL('https://example.com/a'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const marker of markers) expect(result.article.contentHtml).not.toContain(marker);
    expect(result.article.text).toContain('Paragraph 6 of the story');
  });
});

test('embedded posts are article content and stay in the reader', () => {
  const embeds = `<blockquote class="twitter-tweet"><p lang="en">The park vote passed seven to two tonight, after a long debate about the old crane.</p>&mdash; Reporter (@reporter) <a href="https://twitter.com/reporter/status/1">May 1, 2026</a></blockquote>
    <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/"><a href="https://www.instagram.com/p/x/">View this post on Instagram</a></blockquote>`;
  const result = extractArticle(articleWith(embeds), new URL('https://example.com/a'));
  expect(result.ok && result.article.text).toContain('The park vote passed seven to two tonight');
  expect(result.ok && result.article.text).toContain('View this post on Instagram');
});
