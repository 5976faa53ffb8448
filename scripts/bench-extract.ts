/**
 * Side-by-side benchmark: plain Readability.js 0.6.0 and the ClearRead pipeline, page by page in
 * the same process, over three corpora, each reported in its tuning and its validation part
 * (scripts/bench/split.json). Rules are designed on tuning pages; validation is read as figures.
 *
 *   WCXB dev        word-level F1 (WCXB's evaluate.py) on article pages; detection on all 7 types
 *   trafilatura     "with"/"without" snippets counted and pooled over the corpus, as trafilatura's
 *                   own evaluation does; titles and authors from its annotation
 *   readability     word F1 against Readability's expected output; title/byline against its metadata
 *
 *   npm run bench:extract                              everything (long: run it in shards)
 *   npm run bench:extract -- --corpus wcxb,trafilatura --part tuning --limit 100
 *   npm run bench:extract -- --ids 0001,0042           chosen pages (any corpus)
 *   npm run bench:extract -- --shard 0/4 --out a.json  every 4th page from 0; combine with
 *   npm run bench:extract -- --report a.json,b.json    (prints the report over saved results)
 *   npm run bench:extract -- --ablate all --part validation   each rule switched off in turn
 *   --misses                                           list tuning pages that miss title/author/F1
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import * as extractModule from '../src/extract/extract-article.ts';
import { detectArticle } from '../src/detect/detect-article.ts';
import * as boundsModule from '../src/extract/page-bounds.ts';
import { blockText } from '../src/extract/block-text.ts';
import { loadCorpus, type BenchPage } from './bench/corpus.ts';
import { type CorpusName } from './bench/split.ts';
import { wordF1, titleMatches, authorMatches, snippetCounts, mean, quantile, type Prf, type SnippetCounts } from './bench/metric.ts';
import { htmlText } from './bench/html-text.ts';

const { extractArticle } = extractModule;
const measureSize = (boundsModule as { measurePage?: (d: Document, l: unknown) => { elements: number; depth: number; text: number } }).measurePage;
/** The switchable rules, when the pipeline exposes them (older checkouts do not). */
const RULE_NAMES: readonly string[] = (extractModule as { RULE_NAMES?: readonly string[] }).RULE_NAMES ?? [];

interface Side {
  ok: boolean;
  /** Word-level scores (WCXB, Readability), or scores from the page's own snippet counts (trafilatura). */
  prf: Prf;
  snippets?: SnippetCounts;
  title?: boolean;
  author?: boolean;
  ms: number;
  titleText?: string;
  bylineText?: string;
  confidence?: number;
  reason?: string;
  /** trafilatura tuning pages: the snippets missed and the boilerplate let through (for design). */
  missed?: string[];
  leaked?: string[];
}
type Lite = Pick<Side, 'ok' | 'prf' | 'snippets' | 'title' | 'author'>;
interface PageResult {
  corpus: CorpusName;
  id: string;
  part: string;
  type: string;
  error?: string;
  plainReadable?: boolean;
  oursReadable?: boolean;
  detectMs?: number;
  /** Elements, nesting depth and characters of text of the page (the extraction limits' measure). */
  size?: { elements: number; depth: number; text: number };
  plain?: Side;
  ours?: Side;
  ablate?: Record<string, Lite>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const CORPORA = (arg('corpus') ?? 'wcxb,trafilatura,readability').split(',') as CorpusName[];
const PART = arg('part') ?? 'all';
const limit = Number(arg('limit') ?? process.env.BENCH_LIMIT ?? 0) || Infinity;
const ids = arg('ids')?.split(',');
const outPath = arg('out') ?? process.env.BENCH_OUT ?? '/tmp/bench-extract.json';
const shard = arg('shard')?.split('/').map(Number);
const ablateArg = arg('ablate');
const ABLATE = ablateArg === 'all' ? [...RULE_NAMES] : ablateArg ? ablateArg.split(',') : [];
/** Plain Readability's results from an earlier run of the same pages (development only: saves half the time). */
const plainFrom = new Map<string, PageResult>();
for (const f of arg('plain-from')?.split(',') ?? []) for (const r of JSON.parse(readFileSync(f, 'utf8')) as PageResult[]) plainFrom.set(`${r.corpus}/${r.id}`, r);
const NO_DETECT = flag('no-detect');
const NO_EXTRACT = flag('no-extract');
/**
 * jsdom runs the pipeline several times slower than a browser, so the time budget the reader uses
 * (1 s, measured in Chromium by scripts/bench/browser-extract-time.ts) would cut real pages short
 * here: the benchmark gives extraction this much instead.
 */
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 30_000);
const OFFER = new Set(['article']);
const DONT_OFFER = new Set(['product', 'collection', 'listing', 'service']);
const started = Date.now();

const reportOnly = arg('report');
if (reportOnly) {
  report(rescore(reportOnly.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as PageResult[])));
  process.exit(0);
}

/** Title and author scores recomputed from the saved texts, so a report always uses the current metric. */
function rescore(rs: PageResult[]): PageResult[] {
  const byCorpus = new Map<string, Map<string, BenchPage>>();
  for (const c of new Set(rs.map((r) => r.corpus))) byCorpus.set(c, new Map(loadCorpus(c).map((p) => [p.id, p])));
  for (const r of rs) {
    const page = byCorpus.get(r.corpus)?.get(r.id);
    if (!page) continue;
    for (const side of [r.plain, r.ours]) {
      if (!side) continue;
      side.title = page.title === undefined ? undefined : titleMatches(side.ok ? side.titleText : '', page.title);
      side.author = !page.author?.trim() ? undefined : authorMatches(side.ok ? side.bylineText : '', page.author);
    }
  }
  return rs;
}
for (const rule of ABLATE) if (!RULE_NAMES.includes(rule)) throw new Error(`unknown rule ${rule}; rules: ${RULE_NAMES.join(', ')}`);

let pages: BenchPage[] = CORPORA.flatMap((c) => {
  let list = loadCorpus(c).filter((p) => PART === 'all' || p.part === PART);
  if (ids) list = list.filter((p) => ids.includes(p.id));
  return list.slice(0, limit);
});
// --shard i/n: every n-th page starting at i, so processes can share the machine.
if (shard) pages = pages.filter((_, i) => i % shard[1]! === shard[0]!);

/** Which pages are extracted and scored: WCXB articles; every trafilatura page; readerable Readability pages. */
const extracted = (p: BenchPage) => p.pageType === 'article' && !NO_EXTRACT;

function score(page: BenchPage, ok: boolean, text: string, title: string | undefined | null, byline: string | undefined | null): Lite {
  let prf: Prf;
  let snippets: SnippetCounts | undefined;
  if (page.corpus === 'trafilatura') {
    snippets = snippetCounts(ok ? text : '', page.with ?? [], page.without ?? []);
    const p = snippets.tp + snippets.fp ? snippets.tp / (snippets.tp + snippets.fp) : 0;
    const r = snippets.tp / Math.max(1, snippets.tp + snippets.fn);
    prf = { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  } else {
    prf = wordF1(ok ? text : '', truthText(page));
  }
  return {
    ok,
    prf,
    snippets,
    title: page.title === undefined ? undefined : titleMatches(ok ? title : '', page.title),
    // Pages whose annotation names no author are not scored for authors (as in the corpora's own
    // published figures: WCXB n=618 of 793 articles, trafilatura n=538 of 990).
    author: !page.author?.trim() ? undefined : authorMatches(ok ? byline : '', page.author),
  };
}

const truthCache = new Map<BenchPage, string>();
function truthText(page: BenchPage): string {
  let t = truthCache.get(page);
  if (t === undefined) {
    const raw = page.mainContent?.() ?? '';
    t = page.corpus === 'readability' ? htmlText(raw) : raw;
    truthCache.set(page, t);
  }
  return t;
}

const results: PageResult[] = [];
for (const [i, page] of pages.entries()) {
  const result: PageResult = { corpus: page.corpus, id: page.id, part: page.part, type: page.pageType };
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
    const size = measureSize?.(doc, { elements: Infinity, depth: Infinity, text: Infinity });
    if (size) result.size = { elements: size.elements, depth: size.depth, text: size.text };
    if (!NO_DETECT) try {
      result.plainReadable = isProbablyReaderable(doc);
      const t0 = performance.now();
      const verdict = detectArticle(doc, url);
      result.detectMs = performance.now() - t0;
      result.oursReadable = verdict.readable;
    } catch (e) {
      result.error = `detect: ${(e as Error).message.slice(0, 120)}`;
    }
    const earlier = plainFrom.get(`${page.corpus}/${page.id}`);
    if (extracted(page) && earlier?.plain) result.plain = earlier.plain;
    else if (extracted(page)) {
      try {
        const t0 = performance.now();
        // The element serializer plus innerHTML costs what Readability's default serializer does.
        const parsed = new Readability<Element>(doc.cloneNode(true) as Document, { serializer: (el) => el as Element }).parse();
        void parsed?.content?.innerHTML;
        const ms = performance.now() - t0;
        const text = parsed?.textContent ?? '';
        result.plain = { ...score(page, !!parsed, text, parsed?.title, parsed?.byline), ms, titleText: parsed?.title ?? undefined, bylineText: parsed?.byline ?? undefined };
      } catch (e) {
        result.plain = { ...score(page, false, '', '', ''), ms: 0 };
        result.error = `plain: ${(e as Error).message.slice(0, 120)}`;
      }
    }
    if (extracted(page)) {
      try {
        const t0 = performance.now();
        const ex = extractArticle(doc, url, { budgetMs: BUDGET_MS });
        const ms = performance.now() - t0;
        result.ours = ex.ok
          ? { ...score(page, true, ex.article.text, ex.article.title, ex.article.byline), ms, titleText: ex.article.title, bylineText: ex.article.byline, confidence: (ex as { confidence?: number }).confidence }
          : { ...score(page, false, '', '', ''), ms, reason: ex.reason, confidence: (ex as { confidence?: number }).confidence };
        if (page.corpus === 'trafilatura' && page.part === 'tuning') {
          const t = ex.ok ? ex.article.text.replace(/\s+/g, ' ') : '';
          const has = (x: string) => t.includes(x.replace(/\s+/g, ' ').trim());
          result.ours.missed = (page.with ?? []).filter((x) => !has(x));
          result.ours.leaked = (page.without ?? []).filter(has);
        }
      } catch (e) {
        result.ours = { ...score(page, false, '', '', ''), ms: 0 };
        result.error = `ours: ${(e as Error).message.slice(0, 120)}`;
      }
      if (ABLATE.length) {
        result.ablate = {};
        for (const rule of ABLATE) {
          try {
            const ex = (extractArticle as (d: Document, u: URL, o: unknown) => ReturnType<typeof extractArticle>)(doc, url, { disabled: new Set([rule]), budgetMs: BUDGET_MS });
            result.ablate[rule] = ex.ok ? score(page, true, ex.article.text, ex.article.title, ex.article.byline) : score(page, false, '', '', '');
          } catch {
            result.ablate[rule] = score(page, false, '', '', '');
          }
        }
      }
    }
    dom.window.close();
  }
  // jsdom frees a closed window only after the event loop turns.
  await new Promise((r) => setImmediate(r));
  if (process.stderr.isTTY && i % 10 === 0) process.stderr.write(`\r${i + 1}/${pages.length}`);
}

writeFileSync(outPath, JSON.stringify(results));
report(rescore(results));

function report(rs: PageResult[]): void {
  const fmt = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const signed = (x: number, digits = 3) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  const fails = rs.filter((r) => r.error);
  console.log(`\n${rs.length} pages, ${fails.length} failures, ${((Date.now() - started) / 1000).toFixed(0)} s in this process`);
  const corpora = [...new Set(rs.map((r) => r.corpus))];
  const parts = ['tuning', 'validation'].filter((p) => rs.some((r) => r.part === p));

  for (const corpus of corpora) {
    const byPart = parts.map((part) => ({ part, rs: rs.filter((r) => r.corpus === corpus && r.part === part) }));
    const ex = byPart.map(({ part, rs: list }) => ({ part, list: list.filter((r) => r.plain && r.ours) }));
    console.log(`\n== ${corpus} ==  ${byPart.map(({ part, rs: l }) => `${part}: ${l.length} pages, ${ex.find((e) => e.part === part)!.list.length} extracted`).join('; ')}`);
    const header = ex.map((e) => `${`${e.part} Readab.`.padStart(20)} ${'ClearRead'.padStart(10)} ${'Δ'.padStart(7)}`).join('  ');
    console.log(`${''.padEnd(24)}${header}`);
    const line = (label: string, f: (list: PageResult[], k: 'plain' | 'ours') => number, show = fmt, delta = true) => {
      const cells = ex.map(({ list }) => {
        const a = f(list, 'plain');
        const b = f(list, 'ours');
        return `${show(a).padStart(20)} ${show(b).padStart(10)} ${(delta ? signed(b - a) : '').padStart(7)}`;
      });
      console.log(`${label.padEnd(24)}${cells.join('  ')}`);
    };
    if (corpus === 'trafilatura') {
      const pooled = (list: PageResult[], k: 'plain' | 'ours') => {
        const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
        for (const r of list) for (const key of ['tp', 'fp', 'fn', 'tn'] as const) c[key] += r[k]!.snippets?.[key] ?? 0;
        const p = c.tp / Math.max(1, c.tp + c.fp);
        const rc = c.tp / Math.max(1, c.tp + c.fn);
        return { p, r: rc, f1: (2 * p * rc) / Math.max(1e-9, p + rc) };
      };
      line('snippet F1 (pooled)', (l, k) => pooled(l, k).f1);
      line('  precision', (l, k) => pooled(l, k).p);
      line('  recall', (l, k) => pooled(l, k).r);
    } else {
      line('body F1 (mean)', (l, k) => mean(l.map((r) => r[k]!.prf.f1)));
      line('  precision', (l, k) => mean(l.map((r) => r[k]!.prf.precision)));
      line('  recall', (l, k) => mean(l.map((r) => r[k]!.prf.recall)));
      line('body F1 (median)', (l, k) => quantile(l.map((r) => r[k]!.prf.f1), 0.5));
    }
    const rate = (pick: (s: Side) => boolean | undefined) => (l: PageResult[], k: 'plain' | 'ours') => {
      const xs = l.map((r) => pick(r[k]!)).filter((x): x is boolean => x !== undefined);
      return xs.filter(Boolean).length / Math.max(1, xs.length);
    };
    const n = (pick: (s: Side) => boolean | undefined) => ex.map(({ list }) => list.filter((r) => pick(r.ours!) !== undefined).length).join('/');
    line(`title (n=${n((s) => s.title)})`, rate((s) => s.title), pct, false);
    line(`author (n=${n((s) => s.author)})`, rate((s) => s.author), pct, false);
    line('empty or refused', (l, k) => l.filter((r) => !r[k]!.ok).length, (x) => String(x), false);
    line('time p50 (ms)', (l, k) => quantile(l.map((r) => r[k]!.ms), 0.5), (x) => x.toFixed(1), false);
    line('time p95 (ms)', (l, k) => quantile(l.map((r) => r[k]!.ms), 0.95), (x) => x.toFixed(1), false);
    line('time max (ms)', (l, k) => Math.max(0, ...l.map((r) => r[k]!.ms)), (x) => x.toFixed(0), false);
    console.log(`${'p95 time ratio'.padEnd(24)}${ex.map(({ list }) => `${(quantile(list.map((r) => r.ours!.ms), 0.95) / Math.max(1e-9, quantile(list.map((r) => r.plain!.ms), 0.95))).toFixed(2)}×`.padStart(39)).join('  ')}`);
    for (const { part, list } of ex) {
      const worse = list.filter((r) => r.ours!.prf.f1 < r.plain!.prf.f1 - 0.2);
      const better = list.filter((r) => r.ours!.prf.f1 > r.plain!.prf.f1 + 0.2).length;
      // Validation pages are figures only: their ids are not printed unless asked for.
      const show = part === 'tuning' || flag('show-validation-ids');
      console.log(`${part}: pages >0.2 F1 below Readability: ${worse.length}${show && worse.length ? ` (${worse.map((r) => r.id).join(', ')})` : ''}; >0.2 above: ${better}`);
    }
    const conf = ex.flatMap(({ list }) => list).filter((r) => r.ours!.confidence !== undefined);
    if (conf.length) {
      for (const { part, list } of ex) {
        const poor = list.filter((r) => (r.ours!.confidence ?? 1) < 0.5);
        const good = list.filter((r) => (r.ours!.confidence ?? 1) >= 0.5);
        const bad = list.filter((r) => r.ours!.prf.f1 < 0.5);
        console.log(`${part}: flagged poor ${poor.length} (mean F1 ${fmt(mean(poor.map((r) => r.ours!.prf.f1)))}) vs not ${good.length} (mean F1 ${fmt(mean(good.map((r) => r.ours!.prf.f1)))}); of ${bad.length} pages with F1 < 0.5, ${bad.filter((r) => (r.ours!.confidence ?? 1) < 0.5).length} flagged`);
      }
    }

    // Detection.
    const det = byPart.map(({ part, rs: l }) => ({ part, list: l.filter((r) => r.oursReadable !== undefined) }));
    const types = [...new Set(det.flatMap((d) => d.list.map((r) => r.type)))].sort();
    console.log(`${'offered the reader'.padEnd(24)}${det.map((d) => `${`${d.part} isProbablyR.`.padStart(20)} ${'ClearRead'.padStart(10)} ${''.padStart(7)}`).join('  ')}`);
    const offered = (l: PageResult[], k: 'plainReadable' | 'oursReadable') => l.filter((r) => r[k]).length / Math.max(1, l.length);
    const detLine = (label: string, pick: (r: PageResult) => boolean) => {
      const cells = det.map(({ list }) => {
        const of = list.filter(pick);
        return `${`${pct(offered(of, 'plainReadable'))} n=${of.length}`.padStart(20)} ${pct(offered(of, 'oursReadable')).padStart(10)} ${''.padStart(7)}`;
      });
      console.log(`${label.padEnd(24)}${cells.join('  ')}`);
    };
    for (const t of types) detLine(`  ${t}`, (r) => r.type === t);
    if (corpus === 'wcxb') detLine('  prod/coll/list/serv', (r) => DONT_OFFER.has(r.type));
    for (const { part, list } of det) {
      const ms = list.map((r) => r.detectMs ?? 0);
      console.log(`${part}: detectArticle p50 ${quantile(ms, 0.5).toFixed(2)} ms, p95 ${quantile(ms, 0.95).toFixed(2)} ms, max ${Math.max(0, ...ms).toFixed(1)} ms`);
    }
    void OFFER;
  }

  // Ablation: each rule switched off in turn; the change it makes (rule off minus rule on).
  const ablated = rs.filter((r) => r.ablate && r.ours);
  const rules = [...new Set(ablated.flatMap((r) => Object.keys(r.ablate!)))];
  if (rules.length) {
    console.log('\n== Ablation: what each rule is worth (figures with the rule ON minus with it OFF) ==');
    const parts2 = [...new Set(ablated.map((r) => r.part))];
    console.log(`(on ${parts2.join(' + ')} pages; helped/hurt: pages whose body score moves by more than 0.01)`);
    console.log(`${'rule'.padEnd(26)}${corpora.map((c) => `${c.padStart(36)}`).join('')}  pays on`);
    for (const rule of rules) {
      let pays = 0;
      const cells = corpora.map((c) => {
        const list = ablated.filter((r) => r.corpus === c && r.ablate![rule]);
        if (!list.length) return ''.padStart(36);
        const on = (r: PageResult) => r.ours!;
        const off = (r: PageResult) => r.ablate![rule]!;
        let body: number;
        if (c === 'trafilatura') {
          const f = (get: (r: PageResult) => Lite) => {
            const t = { tp: 0, fp: 0, fn: 0 };
            for (const r of list) for (const k of ['tp', 'fp', 'fn'] as const) t[k] += get(r).snippets?.[k] ?? 0;
            return (2 * t.tp) / Math.max(1, 2 * t.tp + t.fp + t.fn);
          };
          body = f(on) - f(off);
        } else body = mean(list.map((r) => on(r).prf.f1)) - mean(list.map((r) => off(r).prf.f1));
        const acc = (get: (r: PageResult) => Lite, k: 'title' | 'author') => {
          const xs = list.map((r) => get(r)[k]).filter((x): x is boolean => x !== undefined);
          return xs.filter(Boolean).length;
        };
        const title = acc(on, 'title') - acc(off, 'title');
        const author = acc(on, 'author') - acc(off, 'author');
        const helped = list.filter((r) => on(r).prf.f1 > off(r).prf.f1 + 0.01).length;
        const hurt = list.filter((r) => on(r).prf.f1 < off(r).prf.f1 - 0.01).length;
        const gain = body > 0.0005 || title > 0 || author > 0 || (Math.abs(body) <= 0.0005 && helped > hurt);
        const loss = body < -0.0005 || title < 0 || author < 0;
        if (gain && !loss) pays++;
        return `F1 ${signed(body, 4)} T ${signed(title, 0)} A ${signed(author, 0)} ${helped}↑${hurt}↓`.padStart(36);
      });
      console.log(`${rule.padEnd(26)}${cells.join('')}  ${pays}`);
    }
  }
  const sized = rs.filter((r) => r.size);
  if (sized.length) {
    const top = (k: 'elements' | 'depth' | 'text') => {
      const xs = sized.map((r) => r.size![k]);
      return `${k} p50 ${quantile(xs, 0.5).toFixed(0)}, p99 ${quantile(xs, 0.99).toFixed(0)}, max ${Math.max(...xs)}`;
    };
    console.log(`\nPage sizes (${sized.length} pages): ${top('elements')}; ${top('depth')}; ${top('text')}`);
  }
  if (fails.length) console.log(`\nfailures: ${fails.map((r) => `${r.corpus}/${r.id} (${r.error})`).join('; ')}`);

  if (flag('misses')) {
    console.log('\n== tuning misses ==');
    for (const r of rs.filter((x) => x.part === 'tuning' && x.ours && x.plain)) {
      const o = r.ours!;
      const notes: string[] = [];
      if (o.title === false) notes.push(`title "${o.titleText ?? ''}"`);
      if (o.author === false) notes.push(`author "${o.bylineText ?? ''}"`);
      if (o.prf.f1 < r.plain!.prf.f1 - 0.05) notes.push(`F1 ${fmt(o.prf.f1)} < plain ${fmt(r.plain!.prf.f1)}`);
      if (notes.length) console.log(`${r.corpus}/${r.id}: ${notes.join('; ')}`);
    }
  }
}
