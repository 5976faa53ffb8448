/**
 * `npm run bench:load`: what the extension costs on every page load, in headless Chromium, over
 * 40 saved real article pages of the corpora (20 WCXB articles, 10 trafilatura, 10 Readability
 * pages, chosen by a fixed hash), each loaded once without and once with the extension in the
 * same run. V8's sampling profiler (100 µs) attributes main-thread time to the extension when any
 * frame on the stack is one of its scripts (the content script, its lazily loaded chunks, the
 * page-world guard and the DOM methods it wraps). Printed: median / p95 of the extension's
 * main-thread time per page load, its longest uninterrupted run (an upper bound on its longest
 * task), the page's own main-thread time without the extension for scale, script sizes, and a
 * page that mutates every millisecond.
 *
 *   npm run bench:load            (one run; BENCHMARKS.md takes the median of three)
 *   npm run bench:load -- --pages 10 --out test-output/bench-load.json
 *
 * Firefox: its profiler is not reachable over WebDriver BiDi, so there is no Firefox figure.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, distDir, launch } from '../test/e2e/harness/browsers.ts';
import { loadCorpora, type CorpusPage } from './bench-suppress/corpora.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const PAGES = Number(opt('pages') ?? 40);
const out = opt('out') ?? 'test-output/bench-load.json';
/** After `load`, how long the extension's idle-time work (the look, detection) is given. */
const SETTLE_MS = 3000;
const SAMPLING_US = 100;

const hash = (s: string) => createHash('sha1').update(s).digest('hex');
function choosePages(): CorpusPage[] {
  const all = loadCorpora().sort((a, b) => hash(`${a.corpus}/${a.id}`).localeCompare(hash(`${b.corpus}/${b.id}`)));
  const take = (corpus: string, n: number) => all.filter((p) => p.corpus === corpus && p.type === 'article').slice(0, n);
  const quarter = Math.round(PAGES / 4);
  return [...take('wcxb', PAGES - 2 * quarter), ...take('trafilatura', quarter), ...take('readability', quarter)];
}

/** A page that changes something every millisecond: a live ticker gone wild. */
const TICKER = `<!doctype html><html><head><meta charset="utf-8"><title>Ticker</title></head><body><main><article><h1>Live: the count</h1>
<p>This page rewrites its ticker every millisecond, and adds a line now and then.</p><div id="t"></div><ul id="l"></ul></article></main>
<script>let n = 0; setInterval(() => { document.getElementById('t').textContent = 'tick ' + (++n);
if (n % 10 === 0) { const li = document.createElement('li'); li.innerHTML = '<b>' + n + '</b> item'; document.getElementById('l').append(li); } }, 1);</script></body></html>`;

async function serve(pages: CorpusPage[]) {
  const byPath = new Map(pages.map((p, i) => [`/p/${i}/`, p]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = byPath.get(path);
    const body = page ? page.html() : path === '/ticker/' ? TICKER : path === '/blank/' ? '<!doctype html><title>blank</title>' : undefined;
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }) };
}

interface Profile {
  nodes: { id: number; parent?: number; children?: number[]; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

interface Cost { extensionMs: number; longestMs: number; busyMs: number }

/** Sums the samples whose stack holds an extension frame; the longest unbroken run of them; all non-idle samples. */
function attribute(profile: Profile, origin: string): Cost {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ext = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = ext.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const p = parent.get(id);
    const value = node.callFrame.url.startsWith(origin) || (p !== undefined && isExt(p));
    ext.set(id, value);
    return value;
  };
  const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);
  let extensionMs = 0;
  let busyMs = 0;
  let run = 0;
  let longestMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (isExt(id)) {
      extensionMs += ms;
      run += ms;
      longestMs = Math.max(longestMs, run);
    } else {
      run = 0;
    }
    if (!IDLE.has(byId.get(id)!.callFrame.functionName)) busyMs += ms;
  });
  return { extensionMs, longestMs, busyMs };
}

async function profiled(browser: Browser, url: string, origin: string, base: string): Promise<Cost> {
  const page: Page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 900 });
    // Same origin first, so the navigation to the page stays in the renderer the profiler watches.
    await page.goto(`${base}/blank/`);
    await page.bringToFront();
    const cdp: CDPSession = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => {});
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const { profile } = await cdp.send('Profiler.stop') as { profile: Profile };
    return attribute(profile, origin);
  } finally {
    await page.close();
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
};

function scriptSizes() {
  const dir = distDir('chromium');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const loader = manifest.content_scripts[0].js[0] as string;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']|runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)/g)) {
      const ref = m[1] ? join(dirname(file), m[1]) : m[2]!;
      visit(ref);
    }
  };
  visit(loader);
  const size = (f: string) => statSync(join(dir, f)).size;
  const assets = readdirSync(join(dir, 'assets'));
  const chunk = (prefix: string) => assets.filter((f) => f.startsWith(prefix) && f.endsWith('.js')).reduce((n, f) => n + size(`assets/${f}`), 0);
  return {
    alwaysOn: [...seen].reduce((n, f) => n + size(f), 0),
    alwaysOnFiles: [...seen],
    finders: chunk('live-suppressor'),
    detection: chunk('detect-article') + chunk('page-metadata'),
    guard: size('src/guard/main-world.js'),
    stylesheet: size(manifest.content_scripts[0].css[0]),
  };
}

const pages = choosePages();
const server = await serve(pages);
const plain = await puppeteer.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, pipe: true });
const withExt = await launch('chromium');
const origin = new URL(withExt.extensionUrl('')).origin;
const browserVersion = await plain.version();

const rows: { page: string; ext: Cost; plain: Cost }[] = [];
for (const [i, p] of pages.entries()) {
  const url = `${server.url}/p/${i}/`;
  const ext = await profiled(withExt.browser, url, origin, server.url);
  const base = await profiled(plain, url, origin, server.url);
  rows.push({ page: `${p.corpus}/${p.id}`, ext, plain: base });
  console.error(`${i + 1}/${pages.length} ${p.corpus}/${p.id}: extension ${ext.extensionMs.toFixed(2)} ms (longest ${ext.longestMs.toFixed(2)}), page ${base.busyMs.toFixed(0)} ms`);
}
const ticker = await profiled(withExt.browser, `${server.url}/ticker/`, origin, server.url);
const tickerPlain = await profiled(plain, `${server.url}/ticker/`, origin, server.url);
await Promise.all([plain.close(), withExt.close(), server.close()]);

const ms = rows.map((r) => r.ext.extensionMs);
const longest = rows.map((r) => r.ext.longestMs);
const sizes = scriptSizes();
const summary = {
  date: new Date().toISOString(), browser: browserVersion, cores: cpus().length, pages: rows.length,
  extensionMs: { median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms) },
  longestRunMs: { median: quantile(longest, 0.5), max: Math.max(...longest) },
  pageBusyMsWithout: { median: quantile(rows.map((r) => r.plain.busyMs), 0.5) },
  pageBusyMsWith: { median: quantile(rows.map((r) => r.ext.busyMs), 0.5) },
  ticker: { extensionMs: ticker.extensionMs, longestMs: ticker.longestMs, busyMsWith: ticker.busyMs, busyMsWithout: tickerPlain.busyMs, seconds: SETTLE_MS / 1000 },
  sizes,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ summary, rows }, null, 1));
const f = (n: number) => n.toFixed(2);
console.log([
  `bench:load — ${summary.date.slice(0, 10)}, ${browserVersion}, ${cpus()[0]?.model ?? ''} × ${cpus().length}, ${rows.length} saved article pages`,
  `extension main-thread time per page load: median ${f(summary.extensionMs.median)} ms, p95 ${f(summary.extensionMs.p95)} ms, max ${f(summary.extensionMs.max)} ms`,
  `longest unbroken extension run (≥ its longest task): median ${f(summary.longestRunMs.median)} ms, max ${f(summary.longestRunMs.max)} ms`,
  `page main-thread time (load + ${SETTLE_MS / 1000} s), median: ${summary.pageBusyMsWithout.median.toFixed(0)} ms without, ${summary.pageBusyMsWith.median.toFixed(0)} ms with the extension`,
  `a page mutating every ms (${SETTLE_MS / 1000} s after load): extension ${f(ticker.extensionMs)} ms (longest run ${f(ticker.longestMs)} ms); page busy ${ticker.busyMs.toFixed(0)} ms with, ${tickerPlain.busyMs.toFixed(0)} ms without`,
  `scripts: always-on ${sizes.alwaysOn} B (${sizes.alwaysOnFiles.join(' + ')}); finders ${sizes.finders} B and detection ${sizes.detection} B loaded on demand; page-world guard ${sizes.guard} B; vendor stylesheet ${sizes.stylesheet} B`,
].join('\n'));
