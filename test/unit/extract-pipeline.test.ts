// Rules of the extraction pipeline, each on a small page made for it, plus the e2e sample page.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { cleanName, joinNames } from '../../src/extract/byline.ts';
import { stripSiteName } from '../../src/extract/headline.ts';
import { decodeEntities } from '../../src/extract/text-utils.ts';
import { blockText } from '../../src/extract/block-text.ts';
import { wordF1, tokenize } from '../../scripts/bench/metric.ts';

const run = (html: string, url = 'https://example.com/news/a-story-about-things') => {
  const dom = new JSDOM(html, { url });
  const ex = extractArticle(dom.window.document, new URL(url));
  if (!ex.ok) throw new Error(ex.message);
  return ex.article;
};
const para = (s: string, n: number) => Array.from({ length: n }, (_, i) => `<p>${s} sentence ${i} goes on with enough words to be a paragraph of real prose for the reader to read.</p>`).join('');

describe('WCXB metric port', () => {
  it('tokenises like Python re \\w+ on lowercased text', () => {
    expect(tokenize("Don't stop — café_2 über")).toEqual(['don', 't', 'stop', 'café_2', 'über']);
  });
  it('counts overlap as a multiset', () => {
    const r = wordF1('a a b', 'a b b');
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 3);
    expect(wordF1('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(wordF1('x', '')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('metadata clean-up', () => {
  it('cleans bylines', () => {
    expect(cleanName('Amelia Ward Amelia Ward')).toBe('Amelia Ward');
    expect(cleanName('By Amelia Ward - June 12, 2025')).toBe('Amelia Ward');
    expect(cleanName('BySummer Swann')).toBe('Summer Swann');
    expect(cleanName('About the Author')).toBeUndefined();
    expect(joinNames(['Ann Lee', 'ann lee', 'Bo Chen', 'Cy Diaz'])).toBe('Ann Lee, Bo Chen and Cy Diaz');
  });
  it('strips site names from titles but keeps subtitles after a colon', () => {
    expect(stripSiteName('Big News Today - Newsroom Daily', 'Newsroom Daily')).toBe('Big News Today');
    expect(stripSiteName('How to Plan an Event: 7 Steps | Accruent', undefined)).toBe('How to Plan an Event: 7 Steps');
  });
  it('decodes entities left escaped in metadata', () => {
    expect(decodeEntities('Traveler&#8217;s Guide &amp;#8230; &amp; more')).toBe('Traveler’s Guide … & more');
  });
  it('separates blocks in the text', () => {
    const doc = new JSDOM('<ul><li>one</li><li>two</li></ul><p>three<br>four</p>').window.document;
    expect(blockText(doc.body).split('\n')).toEqual(['one', 'two', 'three', 'four']);
  });
});

describe('extractArticle', () => {
  it('the e2e sample page: headline once, byline once, no share or prompt text, lazy image with caption', () => {
    const html = readFileSync(join(import.meta.dirname, '../pages/sample-article.html'), 'utf8');
    const a = run(html, 'http://localhost:8080/sample-article.html');
    expect(a.title).toBe("Iran Promises 'Harsh Retaliation' On US After Death Of General Qasem Soleimani");
    expect(a.byline).toBe('Amelia Ward');
    expect(a.text).not.toContain('Amelia Ward');
    expect(a.text.toLowerCase()).not.toContain('harsh retaliation\' on us after death');
    expect(a.text).not.toMatch(/Share this|Share on|newsletter|Allow/);
    expect(a.contentHtml).toMatch(/<img[^>]+src="http:\/\/localhost:8080\/img\/demonstration\.svg"/);
    expect(a.contentHtml).toContain('<figcaption>');
    expect(a.published).toBe('2020-01-03T14:12:00.000Z');
    expect(a.siteName).toBe('Newsroom Daily');
  });

  it('prefers the on-page headline over an SEO title and drops the site suffix', () => {
    const a = run(`<html><head><title>Best Bikes 2026 | Tested &amp; Reviewed | Cycle Site</title><meta property="og:site_name" content="Cycle Site"></head>
      <body><main><h1>The Best Bikes of 2026, Tested</h1>${para('Bikes', 8)}</main></body></html>`);
    expect(a.title).toBe('The Best Bikes of 2026, Tested');
  });

  it('keeps the whole article when it is split into sections Readability would not join', () => {
    const sections = Array.from({ length: 6 }, (_, i) => `<div class="block-${i} wrapper"><div class="inner"><h2>Step ${i}</h2>${para(`Step ${i}`, 3)}</div></div>`).join('');
    const a = run(`<html><body><nav><a href="/">Home</a></nav><main>${sections}</main><footer>© Site</footer></body></html>`);
    for (let i = 0; i < 6; i++) expect(a.text).toContain(`Step ${i} sentence 2`);
  });

  it('takes authors from JSON-LD, joined and deduplicated', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'A Story', author: [{ name: 'Ann Lee' }, { name: 'Bo Chen' }, { name: 'Ann Lee' }] });
    const a = run(`<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>A Story</h1>${para('Story', 8)}</article></body></html>`);
    expect(a.byline).toBe('Ann Lee and Bo Chen');
  });

  it('marks right-to-left pages', () => {
    const a = run(`<html lang="ar"><body><article><h1>عنوان المقال</h1>${para('نص عربي طويل', 8)}</article></body></html>`);
    expect(a.dir).toBe('rtl');
    expect(a.lang).toBe('ar');
  });

  it('drops sections that follow the article under their own heading', () => {
    const a = run(`<html><body><article><h1>A Story</h1>${para('Story', 8)}<h3>About the Author</h3><p>Jo writes about things for a living and has done so for many years now.</p></article></body></html>`);
    expect(a.text).not.toContain('Jo writes');
    expect(a.text).toContain('Story sentence 7');
  });
});
