/**
 * Regression check on Mozilla Readability's own test pages (Apache-2.0, shared corpus): the pipeline's
 * title and body against Readability's expected output. Not a measure of improvement: the expected
 * output is Readability's, so differences are often deliberate (site-name suffixes stripped).
 *
 *   npx tsx scripts/bench/readability-corpus.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { wordF1, titleMatches } from './metric.ts';
const dir = process.env.READABILITY_PAGES ?? join(import.meta.dirname, '../../../shared/corpus/readability/pages');
let n = 0, t = 0, f = 0, fail = 0;
const bad: string[] = [];
for (const name of readdirSync(dir)) {
  try {
    const meta = JSON.parse(readFileSync(`${dir}/${name}/expected-metadata.json`, 'utf8'));
    if (meta.readerable === false) continue;
    const url = 'http://fakehost/test/page.html';
    const dom = new JSDOM(readFileSync(`${dir}/${name}/source.html`, 'utf8'), { url, virtualConsole: new VirtualConsole() });
    const exp = new JSDOM(readFileSync(`${dir}/${name}/expected.html`, 'utf8')).window.document.body.textContent ?? '';
    const ex = extractArticle(dom.window.document, new URL(url));
    n++;
    if (!ex.ok) { fail++; bad.push(`${name}:fail`); continue; }
    if (titleMatches(ex.article.title, meta.title ?? '')) t++; else bad.push(`${name}: "${ex.article.title}" vs "${meta.title}"`);
    const s = wordF1(ex.article.text, exp).f1; f += s;
    if (s < 0.8) bad.push(`${name}: f1 ${s.toFixed(2)}`);
    dom.window.close();
  } catch (e) { bad.push(`${name}: ${e}`); }
}
console.log({ n, titleAgree: t / n, meanF1vsReadabilityExpected: f / n, fail });
console.log(bad.join('\n'));
