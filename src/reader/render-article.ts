/**
 * Builds the reader's article DOM from an extracted Article. Text fields go in as text; the
 * body goes through the sanitiser. Pure: a function of (document, article, sanitiser).
 */
import type { Article } from '../extract/article.ts';
import type { Sanitize } from '../sanitize/sanitize-html.ts';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function formatDate(iso: string, lang: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso));
  } catch {
    return new Date(iso).toDateString();
  }
}

/** The words the article frame uses; English unless the caller passes the locale's. */
export interface ArticleLabels {
  minutesRead(minutes: number): string;
  unavailable: string;
}

export const ENGLISH_LABELS: ArticleLabels = {
  minutesRead: (minutes) => `${minutes} min read`,
  unavailable: 'Reader view isn’t available here',
};

export function renderArticle(doc: Document, article: Article, sanitize: Sanitize, labels: ArticleLabels = ENGLISH_LABELS): HTMLElement {
  const root = el(doc, 'article', { class: 'article' });
  if (article.lang) root.setAttribute('lang', article.lang);
  root.setAttribute('dir', article.dir ?? 'auto');

  const header = el(doc, 'header', { class: 'article-header' });
  if (article.siteName) header.append(el(doc, 'p', { class: 'site-name' }, article.siteName));
  header.append(el(doc, 'h1', { class: 'title' }, article.title));
  if (article.subtitle) header.append(el(doc, 'p', { class: 'subtitle' }, article.subtitle));

  const meta = el(doc, 'p', { class: 'meta' });
  const parts: Node[] = [];
  if (article.byline) parts.push(el(doc, 'span', { 'data-reader-byline': '', class: 'byline' }, article.byline));
  if (article.published) parts.push(el(doc, 'time', { datetime: article.published }, formatDate(article.published, article.lang)));
  parts.push(el(doc, 'span', { class: 'reading-time' }, labels.minutesRead(article.readingMinutes)));
  parts.forEach((part, i) => {
    if (i > 0) meta.append(el(doc, 'span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    meta.append(part);
  });
  header.append(meta);

  const body = el(doc, 'div', { class: 'body', 'data-reader-body': '' });
  body.append(sanitize(article.contentHtml));
  root.append(header, body);
  return root;
}

export function renderError(doc: Document, message: string, labels: ArticleLabels = ENGLISH_LABELS): HTMLElement {
  const box = el(doc, 'div', { class: 'error', role: 'alert', 'data-reader-error': '' });
  box.append(el(doc, 'p', { class: 'error-title' }, labels.unavailable), el(doc, 'p', {}, message));
  return box;
}
