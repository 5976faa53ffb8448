/**
 * Runs the pipeline on one tuning page and shows its text against the ground truth: lines of ours
 * whose words are mostly not in the truth are marked "+", truth lines we lost are listed after
 * ("-"); for trafilatura pages, the snippets found or missed. Refuses validation pages.
 *
 *   npx tsx scripts/bench/diff-page.ts wcxb 0339 [--all]
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { loadCorpus } from './corpus.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { tokenize } from './metric.ts';
import { htmlText } from './html-text.ts';
import type { CorpusName } from './split.ts';

const [corpus, id] = process.argv.slice(2) as [CorpusName, string];
const showAll = process.argv.includes('--all');
const page = loadCorpus(corpus).find((p) => p.id === id);
if (!page) throw new Error('no such page');
if (page.part !== 'tuning') throw new Error('validation page: not shown');
const doc = new JSDOM(page.html(), { url: page.url, virtualConsole: new VirtualConsole() }).window.document;
const offAt = process.argv.indexOf('--off');
const disabled = new Set(offAt > 0 ? process.argv[offAt + 1]!.split(',') : []);
const ex = extractArticle(doc, new URL(page.url), { budgetMs: 60_000, disabled });
if (!ex.ok) {
  console.log(`NOT OK: ${ex.reason} ${ex.message}`);
  process.exit(0);
}
const a = ex.article;
console.log(`title:  ${a.title}\ntruth:  ${page.title ?? '-'}\nbyline: ${a.byline ?? ''}\ntruth:  ${page.author ?? '-'}\nwords: ${a.wordCount}${'confidence' in ex ? ` confidence ${(ex as { confidence: number }).confidence}` : ''}`);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
if (corpus === 'trafilatura') {
  const t = squash(a.text);
  for (const s of page.with ?? []) console.log(`${t.includes(squash(s)) ? 'TP' : 'FN'} ${s.slice(0, 160)}`);
  for (const s of page.without ?? []) console.log(`${t.includes(squash(s)) ? 'FP' : 'tn'} ${s.slice(0, 160)}`);
  if (showAll) console.log(a.text);
} else {
  const truth = corpus === 'readability' ? htmlText(page.mainContent!()) : page.mainContent!();
  const truthWords = new Set(tokenize(truth));
  const ourWords = new Set(tokenize(a.text));
  for (const line of a.text.split('\n')) {
    const w = tokenize(line);
    if (!w.length) continue;
    const inTruth = w.filter((x) => truthWords.has(x)).length / w.length;
    if (showAll || inTruth < 0.6) console.log(`${inTruth < 0.6 ? '+' : ' '} ${line.slice(0, 200)}`);
  }
  for (const line of truth.split('\n')) {
    const w = tokenize(line);
    if (w.length && w.filter((x) => ourWords.has(x)).length / w.length < 0.6) console.log(`- ${line.slice(0, 200)}`);
  }
}
