/**
 * Shows where a string sits in a tuning page's DOM (ancestors with their classes, and the
 * surrounding text), to design structural rules. Refuses validation pages.
 *
 *   npx tsx scripts/bench/show-context.ts trafilatura <pageId> "<text>" [levels]
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { loadCorpus } from './corpus.ts';
import type { CorpusName } from './split.ts';

const [corpus, id, needle, levelsArg] = process.argv.slice(2) as [CorpusName, string, string, string?];
const page = loadCorpus(corpus).find((p) => p.id === id);
if (!page) throw new Error('no such page');
if (page.part !== 'tuning') throw new Error('validation page: not shown');
const doc = new JSDOM(page.html(), { url: page.url, virtualConsole: new VirtualConsole() }).window.document;
const levels = Number(levelsArg ?? 4);
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const hits: Element[] = [];
for (const el of doc.body.querySelectorAll('*')) {
  if (['script', 'style'].includes(el.localName)) continue;
  const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join(' ');
  if (norm(own).toLowerCase().includes(needle.toLowerCase()) || [...el.attributes].some((a) => a.value.toLowerCase().includes(needle.toLowerCase()) && a.name !== 'href')) hits.push(el);
}
for (const el of hits.slice(0, 6)) {
  console.log('---');
  let up: Element | null = el;
  const chain: string[] = [];
  for (let i = 0; up && i <= levels; i++, up = up.parentElement) chain.push(`${up.localName}${up.id ? '#' + up.id : ''}${up.getAttribute('class') ? '.' + up.getAttribute('class')!.trim().split(/\s+/).join('.') : ''}`);
  console.log(chain.join(' < '));
  let box: Element = el;
  for (let i = 0; i < levels && box.parentElement; i++) box = box.parentElement;
  console.log(box.outerHTML.replace(/\s+/g, ' ').replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, '').slice(0, 1500));
}
