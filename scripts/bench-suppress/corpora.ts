/**
 * Every saved real page of the three corpora in ../shared/corpus (Readability's test pages, WCXB
 * dev (all seven page types), trafilatura's evaluation set), with what the benchmark needs from
 * their ground truth: the main content's text, the author and the publication date.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export type CorpusName = 'readability' | 'wcxb' | 'trafilatura';

export interface CorpusPage {
  corpus: CorpusName;
  id: string;
  /** WCXB's page type; 'article' for the other two. */
  type: string;
  split: 'tuning' | 'validation';
  html(): string;
  truth(): { text: string; author: string; date: string };
}

/** $CORPUS_DIR, or ../shared/corpus beside the checkout (a worktree sits one level deeper). */
export const corpusRoot = () => process.env.CORPUS_DIR
  ?? [join(import.meta.dirname, '../../../shared/corpus'), join(import.meta.dirname, '../../../../shared/corpus')].find(existsSync)
  ?? join(import.meta.dirname, '../../../shared/corpus');

/**
 * The split shared with the extraction benchmark: tuning iff the first 32 bits of
 * sha1(corpus + '/' + id), as a fraction of 2^32, are below 0.7. Heuristics are designed on the
 * tuning part; the validation part is only ever measured.
 */
export function splitOf(corpus: CorpusName, id: string): 'tuning' | 'validation' {
  const h = createHash('sha1').update(`${corpus}/${id}`).digest('hex');
  return parseInt(h.slice(0, 8), 16) / 2 ** 32 < 0.7 ? 'tuning' : 'validation';
}

const text = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
  .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

function readability(root: string): CorpusPage[] {
  const dir = join(root, 'readability/pages');
  return readdirSync(dir).sort().map((id) => ({
    corpus: 'readability', id, type: 'article', split: splitOf('readability', id),
    html: () => readFileSync(join(dir, id, 'source.html'), 'utf8'),
    truth: () => {
      const meta = JSON.parse(readFileSync(join(dir, id, 'expected-metadata.json'), 'utf8'));
      return { text: text(readFileSync(join(dir, id, 'expected.html'), 'utf8')), author: meta.byline ?? '', date: meta.publishedTime ?? '' };
    },
  }));
}

/** WCXB keeps `_internal` and `ground_truth` as Python-literal strings in some files, objects in others. */
function pythonish(value: unknown): Record<string, any> {
  if (typeof value !== 'string') return (value as Record<string, any>) ?? {};
  try {
    return JSON.parse(value.replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false')
      .replace(/'((?:[^'\\]|\\.)*)'/g, (_m, s: string) => JSON.stringify(s.replace(/\\'/g, "'"))));
  } catch {
    return {};
  }
}

function wcxb(root: string): CorpusPage[] {
  const dir = join(root, 'wcxb-dev/dev');
  return readdirSync(join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const id = f.slice(0, -5);
    const data = () => JSON.parse(readFileSync(join(dir, 'ground-truth', f), 'utf8'));
    const internal = pythonish(data()._internal);
    const type = typeof internal.page_type === 'string' ? internal.page_type : internal.page_type?.primary ?? 'article';
    return {
      corpus: 'wcxb', id, type: type === 'category' ? 'collection' : type, split: splitOf('wcxb', id),
      html: () => gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
      truth: () => {
        const gt = pythonish(data().ground_truth);
        const author = Array.isArray(gt.author) ? gt.author.join(', ') : gt.author ?? '';
        return { text: gt.main_content ?? '', author: String(author ?? ''), date: String(gt.publish_date ?? '') };
      },
    } satisfies CorpusPage;
  });
}

function trafilatura(root: string): CorpusPage[] {
  const dir = join(root, 'trafilatura');
  const evaldata = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; author?: string }>;
  return Object.values(evaldata).filter((e) => existsSync(join(dir, 'html', `${e.file}.gz`))).sort((a, b) => a.file.localeCompare(b.file)).map((e) => ({
    corpus: 'trafilatura', id: e.file, type: 'article', split: splitOf('trafilatura', e.file),
    html: () => gunzipSync(readFileSync(join(dir, 'html', `${e.file}.gz`))).toString('utf8'),
    truth: () => ({ text: (e.with ?? []).join('\n'), author: e.author ?? '', date: '' }),
  }));
}

export function loadCorpora(which: readonly CorpusName[] = ['readability', 'wcxb', 'trafilatura']): CorpusPage[] {
  const root = corpusRoot();
  if (!existsSync(root)) throw new Error(`corpora not found at ${root} (set CORPUS_DIR)`);
  const loaders = { readability, wcxb, trafilatura };
  return which.flatMap((c) => loaders[c](root));
}
