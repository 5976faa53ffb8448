/**
 * Side-by-side benchmark: plain Readability.js and the ClearRead pipeline over the WCXB dev
 * corpus, in the same run, scored with WCXB's word-level metric (scripts/bench/metric.ts).
 *
 *   npm run bench:extract                     full run (all 1,497 pages: extraction on articles, detection on all)
 *   npm run bench:extract -- --limit 100      first 100 pages (or BENCH_LIMIT=100)
 *   npm run bench:extract -- --ids 0001,0042  chosen pages
 *   npm run bench:extract -- --shard 0/2      every 2nd page from 0 (run 0/2 and 1/2 in parallel)
 *   npm run bench:extract -- --report a.json,b.json   report over saved per-page results
 *   BENCH_OUT=/tmp/b.json                     per-page results written there (default /tmp/bench-extract.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { extractArticle } from '../src/extract/extract-article.ts';
import { detectArticle } from '../src/detect/detect-article.ts';
import { blockText } from '../src/extract/block-text.ts';
import { loadWcxb } from './bench/corpus.ts';
import { wordF1, titleMatches, authorMatches, mean, quantile, type Prf } from './bench/metric.ts';

interface Side {
  prf: Prf;
  title: boolean;
  author?: boolean;
  ms: number;
  titleText?: string;
  bylineText?: string;
}
interface PageResult {
  id: string;
  type: string;
  error?: string;
  plainReadable?: boolean;
  oursReadable?: boolean;
  oursReason?: string;
  detectMs?: number;
  plain?: Side;
  /** Readability's own body, turned into text with block breaks (as ours is): isolates that effect. */
  plainBlockF1?: number;
  ours?: Side;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const limit = Number(arg('limit') ?? process.env.BENCH_LIMIT ?? 0) || Infinity;
const ids = arg('ids')?.split(',');
const outPath = process.env.BENCH_OUT ?? '/tmp/bench-extract.json';
const EXTRACT_TYPES = new Set((arg('extract-types') ?? 'article').split(','));
const OFFER = new Set(['article']);
const DONT_OFFER = new Set(['product', 'collection', 'listing', 'service']);

const started = Date.now();
const shard = arg('shard')?.split('/').map(Number);
let pages = loadWcxb();
if (ids) pages = pages.filter((p) => ids.includes(p.id));
pages = pages.slice(0, limit);
// --shard i/n: every n-th page starting at i, so two processes can share a 2-core machine.
if (shard) pages = pages.filter((_, i) => i % shard[1]! === shard[0]!);
const reportOnly = arg('report');
if (reportOnly) {
  report(reportOnly.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as PageResult[]));
  process.exit(0);
}

const results: PageResult[] = [];
for (const [i, page] of pages.entries()) {
  const result: PageResult = { id: page.id, type: page.pageType };
  results.push(result);
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(page.html(), { url: page.url, virtualConsole: new VirtualConsole() });
  } catch (e) {
    result.error = `jsdom: ${(e as Error).message.slice(0, 120)}`;
  }
  if (dom) {
    const doc = dom.window.document;
    const url = new URL(page.url);
    try {
      result.plainReadable = isProbablyReaderable(doc);
      const t0 = performance.now();
      const verdict = detectArticle(doc, url);
      result.detectMs = performance.now() - t0;
      result.oursReadable = verdict.readable;
      result.oursReason = verdict.reason;
    } catch (e) {
      result.error = `detect: ${(e as Error).message.slice(0, 120)}`;
    }
    if (EXTRACT_TYPES.has(page.pageType) || EXTRACT_TYPES.has('all')) {
      const side = (title: string | undefined | null, byline: string | undefined | null, text: string, ms: number): Side => ({
        prf: wordF1(text, page.mainContent),
        title: titleMatches(title, page.title),
        author: page.author.trim() ? authorMatches(byline, page.author) : undefined,
        ms,
        titleText: title ?? undefined,
        bylineText: byline ?? undefined,
      });
      try {
        const t0 = performance.now();
        // The element serializer plus innerHTML costs what Readability's default serializer does,
        // and leaves the element to measure Readability's body with our block-aware text as well.
        const parsed = new Readability<Element>(doc.cloneNode(true) as Document, { serializer: (el) => el as Element }).parse();
        void parsed?.content?.innerHTML;
        const ms = performance.now() - t0;
        result.plain = side(parsed?.title, parsed?.byline, parsed?.textContent ?? '', ms);
        result.plainBlockF1 = parsed?.content ? wordF1(blockText(parsed.content), page.mainContent).f1 : 0;
      } catch (e) {
        result.plain = side('', '', '', 0);
        result.error = `plain: ${(e as Error).message.slice(0, 120)}`;
      }
      try {
        const t0 = performance.now();
        const ex = extractArticle(doc, url);
        const ms = performance.now() - t0;
        result.ours = ex.ok ? side(ex.article.title, ex.article.byline, ex.article.text, ms) : side('', '', '', ms);
      } catch (e) {
        result.ours = side('', '', '', 0);
        result.error = `ours: ${(e as Error).message.slice(0, 120)}`;
      }
    }
    dom.window.close();
  }
  // jsdom frees a closed window only after the event loop turns.
  await new Promise((r) => setImmediate(r));
  if (process.stderr.isTTY && i % 25 === 0) process.stderr.write(`\r${i + 1}/${pages.length}`);
}

writeFileSync(outPath, JSON.stringify(results, null, 1));
report(results);

function report(rs: PageResult[]): void {
  const extracted = rs.filter((r) => r.plain && r.ours);
  const fmt = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`\nWCXB dev: ${rs.length} pages, ${extracted.length} extracted (${[...EXTRACT_TYPES].join(', ')}), ${rs.filter((r) => r.error).length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s in this process`);
  console.log(`\n${'Extraction'.padEnd(22)} ${'Readability'.padStart(12)} ${'ClearRead'.padStart(12)}`);
  const row = (label: string, f: (s: Side) => number | undefined, show = fmt) => {
    const val = (k: 'plain' | 'ours') => {
      const xs = extracted.map((r) => f(r[k]!)).filter((x): x is number => x !== undefined);
      return xs;
    };
    console.log(`${label.padEnd(22)} ${show(mean(val('plain'))).padStart(12)} ${show(mean(val('ours'))).padStart(12)}`);
  };
  row('body F1 (mean)', (s) => s.prf.f1);
  console.log(`${'body F1 (median)'.padEnd(22)} ${fmt(quantile(extracted.map((r) => r.plain!.prf.f1), 0.5)).padStart(12)} ${fmt(quantile(extracted.map((r) => r.ours!.prf.f1), 0.5)).padStart(12)}`);
  console.log(`${'  (Readability body with block-aware text: F1 '.padEnd(22)}${fmt(mean(extracted.map((r) => r.plainBlockF1 ?? 0)))})`);
  row('precision', (s) => s.prf.precision);
  row('recall', (s) => s.prf.recall);
  row('title accuracy', (s) => (s.title ? 1 : 0), pct);
  const withAuthor = extracted.filter((r) => r.plain!.author !== undefined);
  row(`author acc. (n=${withAuthor.length})`, (s) => (s.author === undefined ? undefined : s.author ? 1 : 0), pct);
  const ms = (k: 'plain' | 'ours', q: number) => `${quantile(extracted.map((r) => r[k]!.ms), q).toFixed(1)} ms`;
  console.log(`${'time p50'.padEnd(22)} ${ms('plain', 0.5).padStart(12)} ${ms('ours', 0.5).padStart(12)}`);
  console.log(`${'time p95'.padEnd(22)} ${ms('plain', 0.95).padStart(12)} ${ms('ours', 0.95).padStart(12)}`);
  const worse = extracted.filter((r) => r.ours!.prf.f1 < r.plain!.prf.f1 - 0.2).map((r) => r.id);
  const better = extracted.filter((r) => r.ours!.prf.f1 > r.plain!.prf.f1 + 0.2).length;
  console.log(`pages >0.2 F1 below Readability: ${worse.length}${worse.length ? ` (${worse.join(', ')})` : ''}; >0.2 above: ${better}`);

  console.log(`\n${'Detection (readable)'.padEnd(22)} ${'isProbablyR.'.padStart(12)} ${'ClearRead'.padStart(12)}`);
  const detected = rs.filter((r) => r.oursReadable !== undefined);
  const types = [...new Set(detected.map((r) => r.type))].sort();
  for (const t of types) {
    const of = detected.filter((r) => r.type === t);
    const rate = (k: 'plainReadable' | 'oursReadable') => pct(of.filter((r) => r[k]).length / of.length);
    console.log(`${`${t} (n=${of.length})`.padEnd(22)} ${rate('plainReadable').padStart(12)} ${rate('oursReadable').padStart(12)}`);
  }
  const pr = (k: 'plainReadable' | 'oursReadable') => {
    const pos = detected.filter((r) => r[k]);
    const relevant = detected.filter((r) => OFFER.has(r.type));
    const tp = pos.filter((r) => OFFER.has(r.type)).length;
    const fpNon = detected.filter((r) => DONT_OFFER.has(r.type));
    return {
      precision: tp / Math.max(1, pos.filter((r) => OFFER.has(r.type) || DONT_OFFER.has(r.type)).length),
      recall: tp / Math.max(1, relevant.length),
      nonArticle: fpNon.filter((r) => r[k]).length / Math.max(1, fpNon.length),
    };
  };
  const a = pr('plainReadable');
  const b = pr('oursReadable');
  console.log(`${'articles flagged'.padEnd(22)} ${pct(a.recall).padStart(12)} ${pct(b.recall).padStart(12)}`);
  console.log(`${'prod/coll/list/serv'.padEnd(22)} ${pct(a.nonArticle).padStart(12)} ${pct(b.nonArticle).padStart(12)}`);
  console.log(`${'precision (art vs 4)'.padEnd(22)} ${pct(a.precision).padStart(12)} ${pct(b.precision).padStart(12)}`);
  const dms = detected.map((r) => r.detectMs ?? 0);
  console.log(`detectArticle time p50 ${quantile(dms, 0.5).toFixed(2)} ms, p95 ${quantile(dms, 0.95).toFixed(2)} ms`);
  const errs = rs.filter((r) => r.error);
  if (errs.length) console.log(`failures: ${errs.map((r) => `${r.id} (${r.error})`).join('; ')}`);
}
