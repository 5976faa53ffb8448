// Golden extraction tests over saved WCXB pages (test/fixtures/extract/README.md): they guard the
// pipeline's gains over plain Readability with per-page F1 floors and ground-truth titles/authors.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { wordF1, titleMatches, authorMatches } from '../../scripts/bench/metric.ts';

interface Fixture {
  id: string;
  url: string;
  type: string;
  title: string;
  author: string;
  f1Floor?: number;
  titleOk?: boolean;
  authorOk?: boolean;
  readable: boolean;
}

const dir = join(import.meta.dirname, '../fixtures/extract/wcxb');
const manifest: Fixture[] = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const articles = manifest.filter((f) => f.type === 'article');

function extract(f: Fixture) {
  const html = gunzipSync(readFileSync(join(dir, `${f.id}.html.gz`))).toString('utf8');
  const dom = new JSDOM(html, { url: f.url, virtualConsole: new VirtualConsole() });
  try {
    return extractArticle(dom.window.document, new URL(f.url));
  } finally {
    dom.window.close();
  }
}

describe('extraction on saved WCXB articles', () => {
  for (const f of articles) {
    it(`${f.id} ${new URL(f.url).hostname}`, () => {
      const truth = JSON.parse(gunzipSync(readFileSync(join(dir, `${f.id}.truth.json.gz`))).toString('utf8'));
      const ex = extract(f);
      const f1 = ex.ok ? wordF1(ex.article.text, truth.main_content).f1 : 0;
      expect(f1).toBeGreaterThanOrEqual(f.f1Floor ?? 0);
      if (f.titleOk) expect(ex.ok && titleMatches(ex.article.title, f.title), `title: ${ex.ok ? ex.article.title : ''}`).toBe(true);
      if (f.authorOk) expect(ex.ok && authorMatches(ex.article.byline, f.author), `byline: ${ex.ok ? ex.article.byline : ''}`).toBe(true);
      if (ex.ok) {
        // The reader renders the headline itself: the body must not open with it again.
        const firstLine = ex.article.text.split('\n')[0]!.trim().toLowerCase();
        expect(firstLine).not.toBe(ex.article.title.trim().toLowerCase());
      }
    });
  }

  it('keeps the fixture set meaningful', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    const titled = articles.filter((f) => f.titleOk).length / articles.length;
    expect(titled).toBeGreaterThanOrEqual(0.8);
  });
});
