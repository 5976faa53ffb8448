// Golden extraction tests over saved pages from the TUNING parts of WCXB and trafilatura's set
// (test/fixtures/extract/README.md): per-page F1 floors (WCXB), the snippets found and the
// boilerplate kept out when the fixture was made (trafilatura), and the titles and authors matched.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { wordF1, titleMatches, authorMatches, snippetCounts } from '../../scripts/bench/metric.ts';

interface Fixture {
  corpus: 'wcxb' | 'trafilatura';
  id: string;
  file: string;
  url: string;
  type: string;
  title?: string;
  author?: string;
  f1Floor?: number;
  withFound?: string[];
  withoutKept?: string[];
  titleOk?: boolean;
  authorOk?: boolean;
  readable: boolean;
}

const dir = join(import.meta.dirname, '../fixtures/extract');
const manifest: Fixture[] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const articles = manifest.filter((f) => f.type === 'article');
const gz = (name: string) => gunzipSync(readFileSync(join(dir, 'pages', name))).toString('utf8');

function extract(f: Fixture) {
  const dom = new JSDOM(gz(`${f.file}.html.gz`), { url: f.url, virtualConsole: new VirtualConsole() });
  try {
    // jsdom is several times slower than a browser: no time budget here.
    return extractArticle(dom.window.document, new URL(f.url), { budgetMs: 60_000 });
  } finally {
    dom.window.close();
  }
}

describe('extraction on saved tuning pages', () => {
  for (const f of articles) {
    it(`${f.corpus} ${f.id} ${new URL(f.url).hostname}`, () => {
      const ex = extract(f);
      const text = ex.ok ? ex.article.text : '';
      if (f.corpus === 'wcxb') {
        const truth = JSON.parse(gz(`${f.file}.truth.json.gz`));
        expect(wordF1(text, truth.main_content).f1).toBeGreaterThanOrEqual(f.f1Floor ?? 0);
      } else {
        for (const s of f.withFound ?? []) expect(snippetCounts(text, [s], []).tp, `lost: ${s}`).toBe(1);
        for (const s of f.withoutKept ?? []) expect(snippetCounts(text, [s], []).tp, `let in: ${s}`).toBe(0);
      }
      if (f.titleOk) expect(ex.ok && titleMatches(ex.article.title, f.title ?? ''), `title: ${ex.ok ? ex.article.title : ''}`).toBe(true);
      if (f.authorOk) expect(ex.ok && authorMatches(ex.article.byline, f.author ?? ''), `byline: ${ex.ok ? ex.article.byline : ''}`).toBe(true);
      if (ex.ok) {
        // The reader renders the headline itself: the body must not open with it again.
        const firstLine = ex.article.text.split('\n')[0]!.trim().toLowerCase();
        expect(firstLine).not.toBe(ex.article.title.trim().toLowerCase());
      }
    });
  }

  it('keeps the fixture set meaningful', () => {
    expect(articles.filter((f) => f.corpus === 'wcxb').length).toBeGreaterThanOrEqual(30);
    expect(articles.filter((f) => f.corpus === 'trafilatura').length).toBeGreaterThanOrEqual(20);
    expect(articles.filter((f) => f.titleOk).length / articles.length).toBeGreaterThanOrEqual(0.8);
  });
});
