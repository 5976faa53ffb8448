// Detection rules that broke on real pages (WCXB dev), reduced to the markup that matters. Posts and
// sections are long enough to pass Readability's isProbablyReaderable gate, which still applies.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { detectArticle } from '../../src/detect/detect-article.ts';

const para = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of a long piece of writing that goes on for a while, with enough words in it to count as real prose for a reader, and then some more words.</p>`).join('');
const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;
const verdict = (body: string, head: string, url: string) =>
  detectArticle(new JSDOM(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`).window.document, new URL(url)).readable;

describe('detection rules (regressions)', () => {
  it('offers a shop blog article that has a cart link in its header', () => {
    const body = `<header><a class="cart-link" href="/cart">Cart</a><form action="/cart"></form></header><article>${para(8)}</article>`;
    expect(verdict(body, ld({ '@type': 'BlogPosting', headline: 'x' }), 'https://shop.example.com/blogs/news/how-to-build-a-home-gym')).toBe(true);
  });

  it('still refuses a page with an add-to-cart button', () => {
    expect(verdict(`<div>${para(8)}</div><button>Add to cart</button>`, '', 'https://shop.example.com/blogs/news/how-to-build-a-home-gym')).toBe(false);
  });

  it('offers a review article whose JSON-LD also describes the products', () => {
    const head = ld([{ '@type': 'NewsArticle', headline: 'x' }, { '@type': 'Product', name: 'Dishwasher' }]);
    expect(verdict(`<article>${para(8)}</article>`, head, 'https://example.com/reviews/best-dishwashers-of-the-year-2025')).toBe(true);
  });

  it('does not offer a WordPress service page stamped og:type article', () => {
    const head = `<meta property="og:type" content="article">${ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Organization' }] })}`;
    const cards = Array.from({ length: 6 }, (_, i) => `<section><h2>Service ${i}</h2>${para(1)}</section>`).join('');
    expect(verdict(cards, head, 'https://agency.example.com/seo-expert')).toBe(false);
  });

  it('does not offer a category page declared as CollectionPage', () => {
    expect(verdict(`<div>${para(8)}</div>`, ld({ '@type': 'CollectionPage' }), 'https://example.com/recipes/dinner-ideas-for-busy-weeknights')).toBe(false);
  });

  it('offers an undated guide without metadata whose headline reads like an article', () => {
    // 1,800 characters of prose under one parent: short of what a page with no evidence needs.
    const body = (h1: string) => `<main><h1>${h1}</h1><div>${para(12).slice(0, 1900)}</p></div></main>`;
    expect(verdict(body('How AI Is Transforming Healthcare'), '', 'https://example.com/health/ai-healthcare/')).toBe(true);
    expect(verdict(body('Cybersecurity Best Practices'), '', 'https://example.com/cybersecurity')).toBe(true);
    expect(verdict(body('Data Analytics Services'), '', 'https://example.com/data-analytics')).toBe(false);
  });

  it('counts a /services/ URL against the page', () => {
    expect(verdict(`<div>${para(12)}</div>`, '', 'https://example.com/services/hr-consulting')).toBe(false);
  });

  it('offers a forum thread whose posts are short', () => {
    const posts = Array.from({ length: 6 }, (_, i) => `<div class="post"><p>Reply ${i}: I had the same problem with the driver after updating, and rolling back to the previous version fixed it for me. It took a restart and a second rollback before the crash stopped, so try that twice if it keeps coming back.</p></div>`).join('');
    expect(verdict(`<main><h1>Driver crash after update</h1>${posts}</main>`, '', 'https://forum.example.com/t/driver-crash-after-update/12345')).toBe(true);
  });

  it('offers a documentation page declared as TechArticle', () => {
    const sections = Array.from({ length: 6 }, (_, i) => `<section><h2>Option ${i}</h2><p>Sets how the parser treats option number ${i} when it reads a configuration file from disk, and what happens on errors. Unknown values are reported with the line number, and the parser stops at the first error unless lenient mode is on.</p></section>`).join('');
    expect(verdict(`<main><h1>Configuration</h1>${sections}</main>`, ld({ '@type': 'TechArticle' }), 'https://example.com/config')).toBe(true);
  });

  it('does not offer a tag page whose URL says topic', () => {
    expect(verdict(`<div>${para(2)}</div>`, '', 'https://example.com/topic/software')).toBe(false);
  });
});
