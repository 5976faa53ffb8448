// @vitest-environment jsdom
/**
 * The article body is the page's HTML and the page may be hostile. Everything that could run
 * code, restyle the reader or phone home must be gone before it reaches the overlay.
 */
import { expect, test } from 'vitest';
import { createSanitizer } from '../../src/sanitize/sanitize-html.ts';

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
