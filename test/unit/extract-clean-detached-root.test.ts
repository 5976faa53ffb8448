// @vitest-environment jsdom
/**
 * Bug: the clean-up removed nothing in the real pipeline, because Readability hands back its
 * article root detached from any document and the clean-up skipped nodes that were not
 * `isConnected`. Newsletter boxes, credits and the repeated headline all reached the reader.
 */
import { expect, test } from 'vitest';
import { cleanArticle } from '../../src/extract/clean-article.ts';

test('clean-up works on a root that is not attached to a document', () => {
  const root = document.createElement('div');
  root.innerHTML = `<div><h2>Hello World Title</h2>
    <p>Sign up to our newsletter for the day's top stories, straight to your inbox.</p>
    <img src="https://example.com/photo.jpg" alt=""><p>Featured Image Credit: PA</p>
    <p>The article's own paragraph stays where it is.</p></div>`;
  expect(root.isConnected).toBe(false);
  cleanArticle(root, { title: 'Hello World Title', byline: 'Amelia Ward', base: new URL('https://example.com/a-story') });
  const text = root.textContent!.replace(/\s+/g, ' ').trim();
  expect(text).toBe("The article's own paragraph stays where it is.");
});
