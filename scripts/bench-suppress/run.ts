/**
 * `npm run bench:suppress`: the live suppressor on every saved real page of the corpora, in real
 * Chromium, with and without the extension (two browsers side by side, the same page in each).
 * Per rule: elements hidden, words of main content inside them (ground truth), dates and bylines
 * inside them; per page: share links a reader can see without and with the extension.
 *
 *   npm run bench:suppress -- --shard 0/6 --out test-output/bench-suppress/0.json   (one locked chunk)
 *   npm run bench:suppress -- --report test-output/bench-suppress/*.json             (combine and print)
 *
 * Options: --corpus wcxb,trafilatura,readability  --split tuning|validation|all  --limit N
 * --ids wcxb/0001,readability/002  --shard i/n  --out file.json  --report a.json,b.json.
 * Pages are served from 127.0.0.1; nothing else is reachable (Chromium resolves no other host).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, launch } from '../../test/e2e/harness/browsers.ts';
import { loadCorpora, type CorpusName, type CorpusPage } from './corpora.ts';
import { VISIBLE_SHARE_LINKS } from './measure.ts';
import { printReport, scoreHides, type PageResult } from './report.ts';
import { startCorpusServer } from './serve.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

if (opt('report') !== undefined || args.includes('--report')) {
  const files = args.slice(args.indexOf('--report') + 1).flatMap((a) => a.split(',')).filter((a) => a && !a.startsWith('--'));
  printReport(files, opt('md'));
  process.exit(0);
}

const corpora = (opt('corpus')?.split(',') ?? ['readability', 'wcxb', 'trafilatura']) as CorpusName[];
const split = opt('split') ?? 'all';
const ids = opt('ids')?.split(',');
const [shard, shards] = (opt('shard') ?? '0/1').split('/').map(Number) as [number, number];
const limit = Number(opt('limit') ?? Infinity);
const out = opt('out') ?? `test-output/bench-suppress/shard-${shard}-of-${shards}.json`;

let pages = loadCorpora(corpora).filter((p) => split === 'all' || p.split === split);
if (ids) pages = pages.filter((p) => ids.includes(`${p.corpus}/${p.id}`));
pages = pages.filter((_, i) => i % shards === shard).slice(0, limit);

const server = await startCorpusServer(pages);
const plain = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, pipe: true });
const withExt = await launch('chromium');
const version = await plain.version();

/** One tab per browser, reused page after page (a new document gets a new content script all the same). */
async function tab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(15_000);
  return page;
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => {});
  // Late scripts of the page (and the extension's idle-time look) get a moment.
  await new Promise((r) => setTimeout(r, 400));
}

async function measureShare(page: Page) {
  return (page.evaluate(VISIBLE_SHARE_LINKS) as Promise<{ visible: number; total: number }>).catch(() => ({ visible: 0, total: 0 }));
}

async function inspect(tabId: number): Promise<{ rule: string; kind: string; byStylesheet: boolean; text: string; dateOrByline: number; nested?: boolean }[]> {
  // Source text, for the same reason as VISIBLE_SHARE_LINKS; the inner function runs in the page's content-script world.
  const run = new Function('api', 'id', `return api.scripting.executeScript({ target: { tabId: id },
    func: () => (globalThis.__clearreadLive ? globalThis.__clearreadLive.inspect() : null) }).then((r) => (r[0] && r[0].result) || [])`);
  return withExt.inExtension(run as (api: unknown, id: number) => Promise<never>, tabId);
}

const results: PageResult[] = [];
const started = Date.now();
const [a, b] = await Promise.all([tab(plain), tab(withExt.browser)]);
await b.goto(`${server.url}${pages[0]!.corpus}/${encodeURIComponent(pages[0]!.id)}/`).catch(() => {});
const tabId = await withExt.tabIdOf(b);
for (const [i, p] of pages.entries()) {
  const url = `${server.url}${p.corpus}/${encodeURIComponent(p.id)}/`;
  const result: PageResult = { corpus: p.corpus, id: p.id, type: p.type, split: p.split, before: { visible: 0, total: 0 }, after: { visible: 0, total: 0 }, hides: [] };
  try {
    await Promise.all([visit(a, url), visit(b, url)]);
    result.before = await measureShare(a);
    const hides = await inspect(tabId);
    result.after = await measureShare(b);
    result.hides = scoreHides(hides, p.truth());
  } catch (error) {
    result.error = String(error).slice(0, 200);
  }
  results.push(result);
  if ((i + 1) % 25 === 0) console.error(`${i + 1}/${pages.length} pages, ${Math.round((Date.now() - started) / 1000)} s`);
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({
  meta: { date: new Date().toISOString(), browser: version, cores: cpus().length, shard: `${shard}/${shards}`, corpora, split },
  pages: results,
}));
console.error(`wrote ${out} (${results.length} pages, ${Math.round((Date.now() - started) / 1000)} s)`);
await Promise.all([plain.close(), withExt.close(), server.close()]);
printReport([out]);

export type { CorpusPage };
