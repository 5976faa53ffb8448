/**
 * Tuning pages whose body score, title or author changed between two saved runs (development aid;
 * validation pages are never listed).
 *
 *   npx tsx scripts/bench/compare-runs.ts before1.json,before2.json after1.json,after2.json [corpus]
 */
import { readFileSync } from 'node:fs';

interface Side { ok: boolean; prf: { f1: number }; title?: boolean; author?: boolean; titleText?: string; bylineText?: string }
interface R { corpus: string; id: string; part: string; ours?: Side }
const load = (files: string) => new Map(files.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as R[]).filter((r) => r.part === 'tuning' && r.ours).map((r) => [`${r.corpus}/${r.id}`, r]));
const [a, b, only] = process.argv.slice(2);
const before = load(a!);
const after = load(b!);
for (const [key, r] of after) {
  if (only && r.corpus !== only) continue;
  const o = before.get(key)?.ours;
  const n = r.ours!;
  if (!o) continue;
  const notes: string[] = [];
  if (Math.abs(n.prf.f1 - o.prf.f1) > 0.01) notes.push(`F1 ${o.prf.f1.toFixed(3)} → ${n.prf.f1.toFixed(3)}`);
  if (o.titleText !== n.titleText) notes.push(`title "${o.titleText}" → "${n.titleText}"`);
  if (o.bylineText !== n.bylineText) notes.push(`byline "${o.bylineText ?? ''}" → "${n.bylineText ?? ''}"`);
  if (notes.length) console.log(`${key}: ${notes.join('; ')}`);
}
