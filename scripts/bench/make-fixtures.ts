/**
 * Copies a slice of the corpora into test/fixtures/extract/ and records, per page, what the golden
 * tests check: an F1 floor set a little under what the pipeline scores today (so a regression fails
 * but noise does not), and the ground-truth title, author and page type.
 *
 *   npx tsx scripts/bench/make-fixtures.ts 0001,0042,...
 */
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { loadWcxb, wcxbDir } from './corpus.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { wordF1, titleMatches, authorMatches } from './metric.ts';
import { detectArticle } from '../../src/detect/detect-article.ts';

const out = join(import.meta.dirname, '../../test/fixtures/extract/wcxb');
mkdirSync(out, { recursive: true });
const ids = process.argv[2]!.split(',');
const manifest: Record<string, unknown>[] = [];
for (const page of loadWcxb().filter((p) => ids.includes(p.id))) {
  copyFileSync(join(wcxbDir(), 'html', `${page.id}.html.gz`), join(out, `${page.id}.html.gz`));
  let floor: number | undefined;
  let titleOk: boolean | undefined;
  let authorOk: boolean | undefined;
  const dom = new JSDOM(page.html(), { url: page.url, virtualConsole: new VirtualConsole() });
  const readable = detectArticle(dom.window.document, new URL(page.url)).readable;
  if (page.pageType === 'article') {
    const ex = extractArticle(dom.window.document, new URL(page.url));
    const f1 = ex.ok ? wordF1(ex.article.text, page.mainContent!()).f1 : 0;
    floor = Math.max(0, Math.floor((f1 - 0.03) * 100) / 100);
    // Only what the pipeline gets right today is guarded; misses are listed as such.
    titleOk = ex.ok && titleMatches(ex.article.title, page.title ?? "");
    authorOk = page.author?.trim() ? ex.ok && authorMatches(ex.article.byline, page.author) : undefined;
  }
  dom.window.close();
  writeFileSync(join(out, `${page.id}.truth.json.gz`), gzipSync(JSON.stringify({ main_content: page.mainContent!() })));
  manifest.push({ id: page.id, url: page.url, type: page.pageType, title: page.title, author: page.author, f1Floor: floor, titleOk, authorOk, readable });
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`${manifest.length} fixtures written to ${out}`);
