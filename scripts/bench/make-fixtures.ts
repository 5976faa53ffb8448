/**
 * Copies a slice of the corpora's TUNING parts into test/fixtures/extract/ and records, per page,
 * what the golden tests check: for WCXB articles an F1 floor a little under what the pipeline scores
 * today (so a regression fails but noise does not); for trafilatura pages the snippets found and the
 * boilerplate kept out today; the ground-truth title and author and whether they match today; and
 * detection's verdict. Validation pages are refused: the tests must not steer design towards them.
 *
 *   npx tsx scripts/bench/make-fixtures.ts wcxb:0001,wcxb:0042,trafilatura:foo.html,...
 *   npx tsx scripts/bench/make-fixtures.ts --sample 40,24,8   (seeded sample: WCXB articles, trafilatura pages, other WCXB types)
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { JSDOM, VirtualConsole } from 'jsdom';
import { loadCorpus, type BenchPage } from './corpus.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { wordF1, titleMatches, authorMatches, snippetCounts } from './metric.ts';
import { detectArticle } from '../../src/detect/detect-article.ts';
import type { CorpusName } from './split.ts';

const out = join(import.meta.dirname, '../../test/fixtures/extract');
const arg = process.argv[2] ?? '';
let pages: BenchPage[];
if (arg === '--sample') {
  const [nArticles, nTraf, nOther] = (process.argv[3] ?? '40,24,8').split(',').map(Number) as [number, number, number];
  // A fixed, content-independent order: sha1 of the id.
  const order = (list: BenchPage[]) => list.filter((p) => p.part === 'tuning').sort((a, b) => (h(a.id) < h(b.id) ? -1 : 1));
  const h = (s: string) => createHash('sha1').update(`fixture/${s}`).digest('hex');
  const wcxb = loadCorpus('wcxb');
  const others = order(wcxb.filter((p) => p.pageType !== 'article'));
  const byType = (t: string) => others.filter((p) => p.pageType === t).slice(0, Math.ceil(nOther / 4));
  pages = [
    ...order(wcxb.filter((p) => p.pageType === 'article')).slice(0, nArticles),
    ...['product', 'collection', 'listing', 'service'].flatMap(byType),
    ...order(loadCorpus('trafilatura')).slice(0, nTraf),
  ];
} else {
  const wanted = arg.split(',').map((x) => x.split(':') as [CorpusName, string]);
  pages = wanted.map(([c, id]) => {
    const p = loadCorpus(c).find((x) => x.id === id);
    if (!p) throw new Error(`no page ${c}:${id}`);
    return p;
  });
}
for (const p of pages) if (p.part !== 'tuning') throw new Error(`${p.corpus}:${p.id} is a validation page`);

rmSync(join(out, 'pages'), { recursive: true, force: true });
mkdirSync(join(out, 'pages'), { recursive: true });
const manifest: Record<string, unknown>[] = [];
for (const page of pages) {
  const file = `${page.corpus}-${createHash('sha1').update(page.id).digest('hex').slice(0, 10)}`;
  const html = page.html();
  writeFileSync(join(out, 'pages', `${file}.html.gz`), gzipSync(html));
  const dom = new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() });
  const url = new URL(page.url);
  const readable = detectArticle(dom.window.document, url).readable;
  const entry: Record<string, unknown> = { corpus: page.corpus, id: page.id, file, url: page.url, type: page.pageType, title: page.title, author: page.author, readable };
  if (page.pageType === 'article') {
    const ex = extractArticle(dom.window.document, url, { budgetMs: 60_000 });
    const text = ex.ok ? ex.article.text : '';
    if (page.corpus === 'wcxb') {
      const f1 = wordF1(text, page.mainContent!()).f1;
      entry.f1Floor = Math.max(0, Math.floor((f1 - 0.03) * 100) / 100);
      writeFileSync(join(out, 'pages', `${file}.truth.json.gz`), gzipSync(JSON.stringify({ main_content: page.mainContent!() })));
    } else {
      const has = (s: string) => snippetCounts(text, [s], []).tp === 1;
      entry.withFound = (page.with ?? []).filter(has);
      entry.withoutKept = (page.without ?? []).filter((s) => !has(s));
    }
    // Only what the pipeline gets right today is guarded; misses stay listed so improvements show up.
    entry.titleOk = page.title !== undefined ? ex.ok && titleMatches(ex.article.title, page.title) : undefined;
    entry.authorOk = page.author?.trim() ? ex.ok && authorMatches(ex.article.byline, page.author) : undefined;
  }
  dom.window.close();
  manifest.push(entry);
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`${manifest.length} fixtures written to ${out}`);
