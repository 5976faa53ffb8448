/**
 * From the live page to a finished article element, ready to show: extraction on a copy of the
 * page, the sanitiser over the extracted nodes (in batches, pausing between them), and the
 * article frame around them. Nothing here touches the live page or shows anything, so it can run
 * ahead of time (reader-controller.ts prepares articles in idle time) or right on open.
 */
import { extractArticle } from '../extract/extract-article.ts';
import type { Article, ExtractionFailure } from '../extract/article.ts';
import { createNodeSanitizer, createSanitizer } from '../sanitize/sanitize-html.ts';
import { renderArticle } from './render-article.ts';
import type { ArticleLabels } from './strings.ts';

export interface PreparedArticle {
  article: Article;
  /** The <article>: header, body, print footer. */
  element: HTMLElement;
  /** The element carrying data-reader-body. */
  body: HTMLElement;
}

export type Preparation =
  | { ok: true; prepared: PreparedArticle }
  | { ok: false; reason: ExtractionFailure; message: string };

export async function prepareArticle(doc: Document, url: URL, labels: ArticleLabels, pause?: () => Promise<void>): Promise<Preparation> {
  const win = doc.defaultView!;
  const result = extractArticle(doc, url);
  if (!result.ok) return result;
  const { article } = result;
  await pause?.();
  // Nodes when extraction hands them over (no serialising and re-parsing), HTML otherwise.
  const body = article.content
    ? await createNodeSanitizer(win)(article.content, pause)
    : createSanitizer(win)(article.contentHtml);
  // The extraction's copy of the page is no longer needed; let it go with the article object.
  const { content: _dropped, ...kept } = article;
  const clean: Article = { ...kept, contentHtml: '' };
  const element = renderArticle(doc, clean, body, labels);
  return { ok: true, prepared: { article: clean, element, body: element.querySelector<HTMLElement>('[data-reader-body]')! } };
}
