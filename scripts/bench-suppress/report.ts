/**
 * Scores what the extension hid against the ground truth, and combines shard files into one
 * report: per rule (elements hidden, words of main content inside them, dates/bylines inside
 * them, pages affected), share links seen without and with the extension, for the tuning and the
 * validation part separately and together.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Hide {
  rule: string;
  kind: string;
  byStylesheet: boolean;
  words: number;
  /** Words of the hidden text that are main content (in a run of 5 that the ground truth has). */
  contentWords: number;
  /** Dates and bylines inside: markup (a <time>, an author link) or the ground truth's author named. */
  datesBylines: number;
  sample: string;
}

export interface PageResult {
  corpus: string;
  id: string;
  type: string;
  split: string;
  before: { visible: number; total: number };
  after: { visible: number; total: number };
  hides: Hide[];
  error?: string;
}

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
const N = 5;

export function scoreHides(
  hides: readonly { rule: string; kind: string; byStylesheet: boolean; text: string; dateOrByline: number }[],
  truth: { text: string; author: string; date: string },
): Hide[] {
  const gt = tokens(truth.text);
  const grams = new Set<string>();
  for (let i = 0; i + N <= gt.length; i++) grams.add(gt.slice(i, i + N).join(' '));
  const author = String(truth.author ?? '').trim().toLowerCase();
  return hides.map((h) => {
    const t = tokens(h.text);
    const content = new Array<boolean>(t.length).fill(false);
    for (let i = 0; i + N <= t.length; i++) {
      if (grams.has(t.slice(i, i + N).join(' '))) for (let j = i; j < i + N; j++) content[j] = true;
    }
    const named = author.length >= 4 && h.text.toLowerCase().includes(author) ? 1 : 0;
    return {
      rule: h.rule, kind: h.kind, byStylesheet: h.byStylesheet, words: t.length,
      contentWords: content.filter(Boolean).length, datesBylines: h.dateOrByline + named, sample: h.text.slice(0, 160),
    };
  });
}

interface RuleRow { hidden: number; contentWords: number; datesBylines: number; pages: Set<string>; badPages: Set<string> }

function table(results: PageResult[], label: string): string[] {
  const rules = new Map<string, RuleRow>();
  let before = 0;
  let after = 0;
  let pagesWithShare = 0;
  const bad: string[] = [];
  for (const r of results) {
    if (r.error) continue;
    before += r.before.visible;
    after += Math.min(r.after.visible, r.before.visible);
    if (r.before.visible) pagesWithShare += 1;
    const key = `${r.corpus}/${r.id}`;
    for (const h of r.hides) {
      const row = rules.get(h.rule) ?? { hidden: 0, contentWords: 0, datesBylines: 0, pages: new Set(), badPages: new Set() };
      row.hidden += 1;
      row.contentWords += h.contentWords;
      row.datesBylines += h.datesBylines;
      row.pages.add(key);
      if (h.contentWords || h.datesBylines) {
        row.badPages.add(key);
        bad.push(`${key} [${h.rule}] ${h.contentWords} content words, ${h.datesBylines} dates/bylines: ${h.sample.slice(0, 100)}`);
      }
      rules.set(h.rule, row);
    }
  }
  const ok = results.filter((r) => !r.error).length;
  const lines = [
    `${label}: ${ok} pages (${results.length - ok} failed to load)`,
    'rule                         hidden  pages  content words  dates/bylines  pages with a loss',
  ];
  for (const [rule, row] of [...rules].sort((a, b) => b[1].hidden - a[1].hidden)) {
    lines.push(`${rule.padEnd(28)} ${String(row.hidden).padStart(7)} ${String(row.pages.size).padStart(6)} ${String(row.contentWords).padStart(14)} ${String(row.datesBylines).padStart(14)} ${String(row.badPages.size).padStart(18)}`);
  }
  const gone = before ? (1 - after / before) * 100 : 100;
  lines.push(`share links a reader sees: ${before} without the extension, ${after} with it: ${gone.toFixed(1)}% gone (${pagesWithShare} pages have any)`);
  if (bad.length) lines.push('losses:', ...bad.slice(0, 40).map((b) => `  ${b}`));
  return lines;
}

export function printReport(files: readonly string[], markdownOut?: string): void {
  const all: PageResult[] = [];
  let meta: Record<string, unknown> = {};
  for (const f of files) {
    const data = JSON.parse(readFileSync(f, 'utf8'));
    meta = data.meta;
    all.push(...data.pages);
  }
  const lines = [
    `bench:suppress — ${String(meta.date ?? '').slice(0, 10)}, ${meta.browser}, ${meta.cores} cores`,
    ...table(all.filter((r) => r.split === 'tuning'), 'TUNING'), '',
    ...table(all.filter((r) => r.split === 'validation'), 'VALIDATION'), '',
    ...table(all, 'ALL'),
  ];
  console.log(lines.join('\n'));
  if (markdownOut) writeFileSync(markdownOut, `\`\`\`\n${lines.join('\n')}\n\`\`\`\n`);
}
