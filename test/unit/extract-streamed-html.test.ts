// A page captured before React's streaming script ran keeps its article in <div hidden id="S:n">.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { placeStreamedHtml } from '../../src/extract/place-streamed-html.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';

const para = (i: number) => `<p>Paragraph ${i} of the streamed article explains query planning, indexes and the cost of sequential scans in some detail.</p>`;
const streamed = `<main><h1>Query optimisation</h1><!--$?--><template id="B:0"></template><div class="spinner">Loading…</div><!--/$--></main>
  <template id="P:1"></template>
  <div hidden id="S:0"><article>${Array.from({ length: 12 }, (_, i) => para(i)).join('')}</article></div>
  <div hidden id="S:1"><footer>Footer links</footer></div>`;

describe('streamed server-rendered pages', () => {
  it('moves each hidden segment to its boundary or placeholder and drops the fallback', () => {
    const doc = new JSDOM(`<!doctype html><body>${streamed}</body>`).window.document;
    placeStreamedHtml(doc);
    expect(doc.querySelector('[hidden]')).toBeNull();
    expect(doc.querySelector('.spinner')).toBeNull();
    expect(doc.querySelector('main article p')).not.toBeNull();
    expect(doc.querySelector('template')).toBeNull();
    expect(doc.body.lastElementChild?.localName).toBe('footer');
  });

  it('places a segment whose placeholder sits inside another segment', () => {
    const doc = new JSDOM('<!doctype html><body><main><template id="P:0"></template></main><div hidden id="S:1"><p>inner</p></div><div hidden id="S:0"><section><template id="P:1"></template></section></div></body>').window.document;
    placeStreamedHtml(doc);
    expect(doc.querySelector('main section p')?.textContent).toBe('inner');
  });

  it('extracts the article of a page whose streaming script never ran, without touching the page', () => {
    const doc = new JSDOM(`<!doctype html><html lang="en"><head><title>Query optimisation | Tiger</title></head><body>${streamed}</body></html>`, { url: 'https://example.com/blog/query-optimisation' }).window.document;
    const before = doc.body.innerHTML;
    const result = extractArticle(doc, new URL(doc.URL));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text).toContain('Paragraph 11 of the streamed article');
    expect(doc.body.innerHTML).toBe(before);
  });
});
