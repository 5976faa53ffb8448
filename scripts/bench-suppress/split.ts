/**
 * Writes the tuning/validation split of every corpus page to split.tsv (committed), so the split
 * can be read without the corpora and compared with the extraction benchmark's.
 *
 *   npx tsx scripts/bench-suppress/split.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpora } from './corpora.ts';

const pages = loadCorpora();
const lines = pages.map((p) => `${p.corpus}/${p.id}\t${p.split}`);
writeFileSync(join(import.meta.dirname, 'split.tsv'), `${lines.join('\n')}\n`);
const tuning = pages.filter((p) => p.split === 'tuning').length;
console.log(`${pages.length} pages: ${tuning} tuning, ${pages.length - tuning} validation -> scripts/bench-suppress/split.tsv`);
