/**
 * How long extraction blocks the main thread in a real browser: every article page of the corpora
 * is parsed in headless Chromium (DOMParser: an inert document, as the reader's copy is; no page
 * script runs, nothing loads) and `extractArticle` runs on it, side by side with plain Readability
 * (`new Readability(doc.cloneNode(true)).parse()`) in the same page. Prints p50/p95/max of both,
 * the p95 ratio, the pages over the 1 s the reader allows itself, and detectArticle's time.
 *
 *   npx tsx scripts/bench/browser-extract-time.ts [--corpus wcxb,trafilatura,readability] [--part validation] [--limit N] [--shard i/n] [--out f.json]
 *   npx tsx scripts/bench/browser-extract-time.ts --report a.json,b.json
 *
 * Run it under the shared lock (flock /tmp/clearread-heavy.lock …): it starts a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { loadCorpus } from './corpus.ts';
import { quantile } from './metric.ts';
import type { CorpusName } from './split.ts';

interface Timing {
  corpus: string;
  id: string;
  part: string;
  plainMs: number;
  oursMs: number;
  detectMs: number;
  ok: boolean;
  reason?: string;
  error?: string;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function report(ts: Timing[]): void {
  const fmt = (x: number) => `${x.toFixed(1)} ms`;
  for (const corpus of [...new Set(ts.map((t) => t.corpus))]) {
    const list = ts.filter((t) => t.corpus === corpus && !t.error);
    const p = (k: 'plainMs' | 'oursMs' | 'detectMs', q: number) => quantile(list.map((t) => t[k]), q);
    console.log(`\n${corpus} (${list.length} pages, Chromium)`);
    console.log(`  Readability  p50 ${fmt(p('plainMs', 0.5))}  p95 ${fmt(p('plainMs', 0.95))}  max ${fmt(Math.max(...list.map((t) => t.plainMs)))}`);
    console.log(`  ClearRead    p50 ${fmt(p('oursMs', 0.5))}  p95 ${fmt(p('oursMs', 0.95))}  max ${fmt(Math.max(...list.map((t) => t.oursMs)))}`);
    console.log(`  p95 ratio ${(p('oursMs', 0.95) / p('plainMs', 0.95)).toFixed(2)}×, p50 ratio ${(p('oursMs', 0.5) / p('plainMs', 0.5)).toFixed(2)}×`);
    const over = list.filter((t) => t.oursMs > 1000 || t.reason === 'too-large');
    console.log(`  pages over 1 s or refused as too large: ${over.length}${over.length ? ` (${over.map((t) => `${t.id} ${t.oursMs.toFixed(0)} ms`).join(', ')})` : ''}`);
    console.log(`  detectArticle p50 ${fmt(p('detectMs', 0.5))}  p95 ${fmt(p('detectMs', 0.95))}`);
  }
  const errors = ts.filter((t) => t.error);
  if (errors.length) console.log(`\nerrors: ${errors.map((t) => `${t.corpus}/${t.id}: ${t.error}`).join('; ')}`);
}

const reportOnly = arg('report');
if (reportOnly) {
  report(reportOnly.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Timing[]));
  process.exit(0);
}

const corpora = (arg('corpus') ?? 'wcxb,trafilatura,readability').split(',') as CorpusName[];
const part = arg('part') ?? 'all';
const limit = Number(arg('limit') ?? 0) || Infinity;
const shard = arg('shard')?.split('/').map(Number);
let pages = corpora.flatMap((c) => loadCorpus(c).filter((p) => p.pageType === 'article' && (part === 'all' || p.part === part)).slice(0, limit));
if (shard) pages = pages.filter((_, i) => i % shard[1]! === shard[0]!);

const bundle = await build({
  stdin: {
    contents: `import { Readability } from '@mozilla/readability';
      import { extractArticle } from './src/extract/extract-article.ts';
      import { detectArticle } from './src/detect/detect-article.ts';
      globalThis.__bench = { Readability, extractArticle, detectArticle };`,
    resolveDir: join(import.meta.dirname, '../..'),
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
});
const code = bundle.outputFiles[0]!.text;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const tab = await browser.newPage();
await tab.goto('about:blank');
await tab.addScriptTag({ content: code });

const timings: Timing[] = [];
for (const [i, page] of pages.entries()) {
  try {
    const t = await tab.evaluate(
      (html: string, url: string) => {
        const b = (globalThis as unknown as { __bench: { Readability: new (d: Document) => { parse(): unknown }; extractArticle: (d: Document, u: URL) => { ok: boolean; reason?: string }; detectArticle: (d: Document, u: URL) => unknown } }).__bench;
        const parse = () => new DOMParser().parseFromString(html, 'text/html');
        const u = new URL(url);
        let doc = parse();
        let t0 = performance.now();
        b.detectArticle(doc, u);
        const detectMs = performance.now() - t0;
        t0 = performance.now();
        new b.Readability(doc.cloneNode(true) as Document).parse();
        const plainMs = performance.now() - t0;
        doc = parse();
        t0 = performance.now();
        const ex = b.extractArticle(doc, u);
        const oursMs = performance.now() - t0;
        return { plainMs, oursMs, detectMs, ok: ex.ok, reason: ex.reason };
      },
      page.html(),
      page.url,
    );
    timings.push({ corpus: page.corpus, id: page.id, part: page.part, ...t });
  } catch (e) {
    timings.push({ corpus: page.corpus, id: page.id, part: page.part, plainMs: 0, oursMs: 0, detectMs: 0, ok: false, error: String(e).slice(0, 120) });
  }
  if (process.stderr.isTTY && i % 20 === 0) process.stderr.write(`\r${i + 1}/${pages.length}`);
}
await browser.close();
writeFileSync(arg('out') ?? '/tmp/browser-extract-time.json', JSON.stringify(timings));
report(timings);
