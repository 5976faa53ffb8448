/** Loads WCXB dev pages (gzipped HTML + ground truth) from the shared corpus. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

export interface WcxbPage {
  id: string;
  url: string;
  pageType: string;
  title: string;
  author: string;
  mainContent: string;
  html: () => string;
}

export function wcxbDir(): string {
  return process.env.WCXB_DIR ?? join(import.meta.dirname, '../../../shared/corpus/wcxb-dev/dev');
}

export function loadWcxb(dir = wcxbDir()): WcxbPage[] {
  if (!existsSync(dir)) throw new Error(`WCXB corpus not found at ${dir} (set WCXB_DIR)`);
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
      id,
      url: data.url || 'https://example.com/page',
      pageType: primary === 'category' ? 'collection' : primary,
      title: gt.title ?? '',
      author: typeof gt.author === 'string' ? gt.author : Array.isArray(gt.author) ? gt.author.join(', ') : '',
      mainContent: gt.main_content ?? '',
      html: () => gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    };
  });
}
