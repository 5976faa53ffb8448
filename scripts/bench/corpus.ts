/**
 * Loads the three benchmark corpora from the shared corpus directory (/work/shared/corpus, or
 * CORPUS_DIR): WCXB dev (gzipped HTML + human ground truth), trafilatura's evaluation set (990
 * pages with must-have / must-not-have snippets, titles and authors) and Mozilla Readability's test
 * pages (Readability's own expected output and metadata).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { partOf, type CorpusName, type Part } from './split.ts';

export interface BenchPage {
  corpus: CorpusName;
  id: string;
  part: Part;
  url: string;
  /** WCXB's page type; 'article' for trafilatura; Readability pages: 'article' or 'not-readerable'. */
  pageType: string;
  /** Ground-truth title; undefined where the corpus has none for the page. */
  title?: string;
  /** Ground-truth author(s); '' means the page names no author; undefined means not annotated. */
  author?: string;
  /** WCXB: the main text. Readability: the text of the expected output (read lazily). */
  mainContent?: () => string;
  /** trafilatura: snippets that must / must not be in the extracted text. */
  with?: string[];
  without?: string[];
  html: () => string;
}

export function corpusDir(): string {
  if (process.env.CORPUS_DIR) return process.env.CORPUS_DIR;
  // Next to the checkout (/work/main → /work/shared), or two levels up from a worktree.
  const near = [join(import.meta.dirname, '../../../shared/corpus'), join(import.meta.dirname, '../../../../shared/corpus')];
  return near.find((d) => existsSync(d)) ?? near[0]!;
}

export function wcxbDir(): string {
  return process.env.WCXB_DIR ?? join(corpusDir(), 'wcxb-dev/dev');
}

const gunzipText = (path: string) => gunzipSync(readFileSync(path)).toString('utf8');

export function loadWcxb(dir = wcxbDir()): BenchPage[] {
  if (!existsSync(dir)) throw new Error(`WCXB corpus not found at ${dir} (set CORPUS_DIR)`);
  const ids = readdirSync(join(dir, 'ground-truth'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  return ids.map((id) => {
    const data = JSON.parse(readFileSync(join(dir, 'ground-truth', `${id}.json`), 'utf8'));
    const gt = data.ground_truth ?? {};
    const pt = data._internal?.page_type;
    const primary = typeof pt === 'string' ? pt : pt?.primary ?? 'article';
    return {
      corpus: 'wcxb',
      id,
      part: partOf('wcxb', id),
      url: data.url || 'https://example.com/page',
      pageType: primary === 'category' ? 'collection' : primary,
      title: gt.title ?? '',
      author: typeof gt.author === 'string' ? gt.author : Array.isArray(gt.author) ? gt.author.join(', ') : '',
      mainContent: () => gt.main_content ?? '',
      html: () => gunzipText(join(dir, 'html', `${id}.html.gz`)),
    };
  });
}

interface TrafilaturaItem {
  file: string;
  with: string[];
  without: string[];
  title?: string | null;
  author?: string | null;
}

export function loadTrafilatura(dir = join(corpusDir(), 'trafilatura')): BenchPage[] {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, TrafilaturaItem>;
  return Object.entries(data)
    .map(([key, item]): BenchPage => ({
      corpus: 'trafilatura',
      id: item.file,
      part: partOf('trafilatura', item.file),
      // A few entries are keyed "hard::<file>" without their address: a neutral URL stands in.
      url: /^https?:\/\//.test(key) ? key : `https://example.org/${encodeURIComponent(item.file)}`,
      pageType: 'article',
      title: typeof item.title === 'string' ? item.title : undefined,
      author: typeof item.author === 'string' ? item.author : undefined,
      with: item.with,
      without: item.without,
      html: () => gunzipText(join(dir, 'html', `${item.file}.gz`)),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Readability's tests load every page as this URL. */
const READABILITY_URL = 'http://fakehost/test/page.html';

export function loadReadability(dir = join(corpusDir(), 'readability/pages')): BenchPage[] {
  return readdirSync(dir)
    .sort()
    .map((name): BenchPage => {
      const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'));
      return {
        corpus: 'readability',
        id: name,
        part: partOf('readability', name),
        url: READABILITY_URL,
        pageType: meta.readerable === false ? 'not-readerable' : 'article',
        title: typeof meta.title === 'string' ? meta.title : undefined,
        author: typeof meta.byline === 'string' ? meta.byline : '',
        mainContent: () => readFileSync(join(dir, name, 'expected.html'), 'utf8'),
        html: () => readFileSync(join(dir, name, 'source.html'), 'utf8'),
      };
    });
}

export function loadCorpus(name: CorpusName): BenchPage[] {
  return name === 'wcxb' ? loadWcxb() : name === 'trafilatura' ? loadTrafilatura() : loadReadability();
}

export function corpusPageIds(name: CorpusName): string[] {
  return loadCorpus(name).map((p) => p.id);
}
