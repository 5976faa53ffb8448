/**
 * Writes the fixed tuning/validation split of every corpus (scripts/bench/split.json). A page is in
 * the tuning part iff the first 32 bits of sha1("<corpus>/<pageId>") fall below 70% of 2^32; the
 * firewall benchmark uses the same rule. Rules are designed on tuning pages only; validation pages
 * are read only as aggregate figures.
 *
 *   npx tsx scripts/bench/make-split.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPageIds } from './corpus.ts';
import { isTuning, type CorpusName } from './split.ts';

const out: Record<string, { tuning: string[]; validation: string[] }> = {};
for (const corpus of ['wcxb', 'trafilatura', 'readability'] as CorpusName[]) {
  const ids = corpusPageIds(corpus).sort();
  out[corpus] = { tuning: ids.filter((id) => isTuning(corpus, id)), validation: ids.filter((id) => !isTuning(corpus, id)) };
  console.log(`${corpus}: ${out[corpus].tuning.length} tuning, ${out[corpus].validation.length} validation`);
}
writeFileSync(join(import.meta.dirname, 'split.json'), JSON.stringify(out, null, 1) + '\n');
