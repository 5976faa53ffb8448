// @vitest-environment jsdom
/**
 * The article body is the page's HTML and the page may be hostile. Everything that could run
 * code, restyle the reader or phone home must be gone before it reaches the overlay.
 */
import { describe, expect, test } from 'vitest';
import { createNodeSanitizer, createSanitizer } from '../../src/sanitize/sanitize-html.ts';

const sanitize = createSanitizer(window);
const html = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div.innerHTML;
};

test('scripts, handlers and javascript: URLs are removed', () => {
  const out = html(sanitize(`<p onclick="alert(1)">Hi<script>alert(2)</script></p>
    <a href="javascript:alert(3)">x</a><img src=x onerror="alert(4)"><svg><script>alert(5)</script></svg>
    <iframe src="https://evil.example"></iframe><object data="x"></object>`));
  expect(out).not.toMatch(/alert|onclick|onerror|javascript:|<script|<iframe|<object/i);
  expect(out).toContain('Hi');
});

test('forms, page styles and classes do not reach the reader', () => {
  const out = html(sanitize(`<form action="/steal"><input name="card"><button>Pay</button></form>
    <style>body{display:none}</style><p class="x" style="color:red" id="keep">Text</p>`));
  expect(out).not.toMatch(/<form|<input|<button|<style|class=|style=/i);
  expect(out).toContain('id="keep"');
});

test('content survives: links open safely, images load lazily, figures and tables stay', () => {
  const out = html(sanitize(`<figure><img src="https://img.example/a.jpg" alt="A" width="900" height="600" srcset="https://img.example/a2.jpg 2x"><figcaption>Cap</figcaption></figure>
    <p><a href="https://example.org/story">link</a></p><table><tr><td colspan="2">1</td></tr></table><pre><code class="language-js">x()</code></pre>`));
  expect(out).toContain('<figcaption>Cap</figcaption>');
  expect(out).toMatch(/<img[^>]+src="https:\/\/img\.example\/a\.jpg"[^>]+loading="lazy"/);
  expect(out).toContain('srcset="https://img.example/a2.jpg 2x"');
  expect(out).not.toMatch(/width=|height=/);
  expect(out).toMatch(/<a href="https:\/\/example\.org\/story" rel="noopener noreferrer" target="_blank">/);
  expect(out).toContain('<td colspan="2">1</td>');
  expect(out).toContain('<pre><code data-lang="js">x()</code></pre>');
});

test('other data attributes are dropped', () => {
  expect(html(sanitize('<p data-track="1" data-lang="x">t</p>'))).toBe('<p data-lang="x">t</p>');
});

test('data: URLs are allowed for images only', () => {
  const out = html(sanitize(`<img src="data:image/png;base64,iVBORw0KGgo="><a href="data:text/html,<script>alert(1)</script>">x</a><a href="vbscript:msgbox">y</a>`));
  expect(out).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  expect(out).not.toContain('data:text/html');
  expect(out).not.toContain('vbscript');
});

describe('cleaning extracted nodes in place (no serialise and re-parse)', () => {
  const inert = (html: string) => {
    // Extraction's copy of the page is an inert document like this one: nothing in it loads or runs.
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML = `<div id="root">${html}</div>`;
    return doc.getElementById('root')!;
  };
  const sanitizeNode = createNodeSanitizer(window);

  test('the same rules as for HTML: handlers, scripts, forms, styles and classes go; content stays', async () => {
    const out = html(await sanitizeNode(inert(`<p onclick="alert(1)" class="x" style="color:red">Hi<script>alert(2)</script></p>
      <a href="javascript:alert(3)">x</a><img src="https://img.example/a.jpg" onerror="alert(4)" width="9">
      <form action="/steal"><input name="card"></form><figure><img src="https://img.example/b.jpg" alt="B"><figcaption>Cap</figcaption></figure>`)));
    expect(out).not.toMatch(/alert|onclick|onerror|javascript:|<script|<form|<input|class=|style=|width=/i);
    expect(out).toContain('Hi');
    expect(out).toContain('<figcaption>Cap</figcaption>');
    expect(out).toMatch(/<img[^>]+loading="lazy"/);
  });

  test('the result belongs to the live document, and the extraction copy is left empty', async () => {
    const root = inert('<p>One</p><p>Two</p>');
    const out = await sanitizeNode(root);
    expect(out.ownerDocument).toBe(document);
    expect(root.childNodes.length).toBe(0);
  });

  // DOMPurify's own clobbering vectors: elements whose names shadow the DOM properties a
  // sanitiser walks with. They must not survive, stall or break the rest of the article.
  test('forms whose inputs are named after DOM properties are removed, the article around them kept', async () => {
    const out = html(await sanitizeNode(inert(`<p>Before</p><form><input name="parentNode"><input name="attributes"><input name="removeChild"></form>
      <form id="x"><input name="nodeName"><input name="getAttribute"><input name="tagName"></form><p>After</p>`)));
    expect(out).toBe('<p>Before</p>\n      <p>After</p>');
  });

  test('a long body is cleaned in batches with a pause between them, all of it, in order', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p data-x="1">Paragraph ${i} ${'word '.repeat(40)}</p>`).join('');
    let pauses = 0;
    const out = await sanitizeNode(inert(paragraphs), async () => {
      pauses++;
    });
    const texts = [...out.querySelectorAll('p')].map((p) => p.textContent!.split(' ').slice(0, 2).join(' '));
    expect(texts).toEqual(Array.from({ length: 400 }, (_, i) => `Paragraph ${i}`));
    expect(out.querySelector('[data-x]')).toBeNull();
    // 400 blocks of this size take jsdom far longer than one 8 ms batch.
    expect(pauses).toBeGreaterThan(0);
  });
});
