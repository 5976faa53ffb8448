/**
 * Lists the tuning pages a saved benchmark run gets wrong (title, author, body), next to the ground
 * truth, to design rules on. Validation pages are never listed.
 *
 *   npx tsx scripts/bench/tuning-misses.ts /tmp/a.json,/tmp/b.json [title|author|body] [corpus]
 */
import { readFileSync } from 'node:fs';
import { loadCorpus, type BenchPage } from './corpus.ts';
import { titleMatches, authorMatches } from './metric.ts';
import type { CorpusName } from './split.ts';

interface Side { ok: boolean; prf: { f1: number; precision: number; recall: number }; titleText?: string; bylineText?: string; snippets?: { tp: number; fp: number; fn: number } }
interface Result { corpus: CorpusName; id: string; part: string; plain?: Side; ours?: Side }

const [files, what = 'all', only] = process.argv.slice(2);
const rs = files!.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Result[]).filter((r) => r.part === 'tuning' && r.ours && (!only || r.corpus === only));
const pages = new Map<string, BenchPage>();
for (const c of new Set(rs.map((r) => r.corpus))) for (const p of loadCorpus(c)) pages.set(`${c}/${p.id}`, p);
for (const r of rs) {
  const p = pages.get(`${r.corpus}/${r.id}`)!;
  const o = r.ours!;
  const lines: string[] = [];
  if ((what === 'all' || what === 'title') && p.title !== undefined && !titleMatches(o.ok ? o.titleText : '', p.title)) lines.push(`  title: "${o.titleText ?? ''}"\n  truth: "${p.title}"  (readability: "${r.plain?.titleText ?? ''}")`);
  if ((what === 'all' || what === 'author') && p.author?.trim() && !authorMatches(o.ok ? o.bylineText : '', p.author)) lines.push(`  byline: "${o.bylineText ?? ''}"\n  truth:  "${p.author}"  (readability: "${r.plain?.bylineText ?? ''}")`);
  if ((what === 'all' || what === 'body') && r.plain && o.prf.f1 < r.plain.prf.f1 - 0.02) lines.push(`  body F1 ${o.prf.f1.toFixed(3)} (P ${o.prf.precision.toFixed(2)} R ${o.prf.recall.toFixed(2)}) vs Readability ${r.plain.prf.f1.toFixed(3)} (P ${r.plain.prf.precision.toFixed(2)} R ${r.plain.prf.recall.toFixed(2)})${o.ok ? '' : ' EMPTY'}`);
  if (lines.length) console.log(`${r.corpus}/${r.id} ${p.url}\n${lines.join('\n')}`);
}
