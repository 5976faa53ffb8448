/**
 * Builds the reader's article DOM from an extracted Article and its sanitised body. Text fields go
 * in as text; the body arrives already cleaned by the sanitiser. Pure: a function of (document,
 * article, body, labels).
 *
 * Direction: the article keeps its own `dir` and `lang`; our own words in it (reading time, dates,
 * the print footer) carry the UI locale's, each isolated, so an English "4 min read" inside a
 * right-to-left article reads the same as anywhere else, and a Hebrew byline inside an English
 * meta line keeps its order.
 */
import type { Article } from '../extract/article.ts';
import type { ArticleLabels } from './strings.ts';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const uiText = (labels: ArticleLabels) => ({ lang: labels.locale.lang, dir: labels.locale.dir });

export function renderArticle(doc: Document, article: Article, body: DocumentFragment, labels: ArticleLabels, now = new Date()): HTMLElement {
  const root = el(doc, 'article', { class: 'article' });
  if (article.lang) root.setAttribute('lang', article.lang);
  root.setAttribute('dir', article.dir ?? 'auto');

  const header = el(doc, 'header', { class: 'article-header' });
  if (article.siteName) header.append(el(doc, 'p', { class: 'site-name', dir: 'auto' }, article.siteName));
  header.append(el(doc, 'h1', { class: 'title', dir: 'auto' }, article.title));
  if (article.subtitle) header.append(el(doc, 'p', { class: 'subtitle', dir: 'auto' }, article.subtitle));

  const meta = el(doc, 'p', { class: 'meta' });
  const parts: Node[] = [];
  if (article.byline) parts.push(el(doc, 'span', { 'data-reader-byline': '', class: 'byline', dir: 'auto' }, article.byline));
  if (article.published) parts.push(el(doc, 'time', { datetime: article.published, ...uiText(labels) }, labels.date(article.published)));
  parts.push(el(doc, 'span', { class: 'reading-time', ...uiText(labels) }, labels.minutesRead(article.readingMinutes)));
  parts.forEach((part, i) => {
    if (i > 0) meta.append(el(doc, 'span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    meta.append(part);
  });
  header.append(meta);

  const bodyEl = el(doc, 'div', { class: 'body', 'data-reader-body': '' });
  bodyEl.append(body);

  // Paper has no address bar: where the article came from and when it was printed.
  const footer = el(doc, 'footer', { class: 'print-footer', ...uiText(labels) });
  footer.append(el(doc, 'span', {}, `${labels.source}: `), el(doc, 'span', { dir: 'ltr', class: 'url' }, article.url),
    el(doc, 'span', { 'aria-hidden': 'true' }, ' · '), el(doc, 'span', {}, labels.printed(labels.date(now.toISOString()))));
  root.append(header, bodyEl, footer);
  return root;
}

/** Shown instead of an article: the reason, and the one thing left to do (close). */
export function renderError(doc: Document, message: string, labels: ArticleLabels, onClose: (event: MouseEvent) => void): HTMLElement {
  const box = el(doc, 'div', { class: 'error', role: 'alert', 'data-reader-error': '', ...uiText(labels) });
  const close = el(doc, 'button', { type: 'button', class: 'error-close' }, labels.close);
  close.addEventListener('click', onClose);
  box.append(el(doc, 'p', { class: 'error-title' }, labels.unavailable), el(doc, 'p', {}, message), close);
  return box;
}
