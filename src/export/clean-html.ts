/**
 * Article → a standalone, script-free HTML document that opens anywhere. Pure: it serialises the
 * already sanitised body; every metadata field is escaped as text.
 */
import { NOTE_REF_ATTR, prepareHighlights } from './highlight-notes.ts';
import type { ExportMeta } from './markdown.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = 'body{max-width:40em;margin:2em auto;padding:0 1em;font:19px/1.6 Georgia,serif;color:#1d1d1f}'
  + 'img,video{max-width:100%;height:auto}pre{overflow:auto}figcaption,.meta{color:#555;font-size:.85em}'
  + 'mark{background:#fde68a;color:inherit}mark.highlight-green{background:#bbf7d0}mark.highlight-blue{background:#bfdbfe}'
  + 'mark.highlight-pink{background:#fbcfe8}.notes{border-top:1px solid #ccc;margin-top:2em;font-size:.9em}';

export function articleToHtml(meta: ExportMeta, body: Element, lang?: string): string {
  const clone = body.cloneNode(true) as Element;
  // Ids and tab stops added for the in-overlay contents are reader plumbing, not article.
  for (const el of clone.querySelectorAll('[id^="clearread-"]')) {
    el.removeAttribute('id');
    el.removeAttribute('tabindex');
  }
  const notes = prepareHighlights(clone);
  for (const ref of clone.querySelectorAll(`sup[${NOTE_REF_ATTR}]`)) {
    const n = ref.getAttribute(NOTE_REF_ATTR)!;
    ref.removeAttribute(NOTE_REF_ATTR);
    const link = clone.ownerDocument.createElement('a');
    link.href = `#note-${n}`;
    link.id = `note-ref-${n}`;
    link.textContent = n;
    ref.append(link);
  }
  const notesHtml = notes.length
    ? `<section class="notes"><h2>${escapeHtml(meta.notesHeading ?? 'Notes')}</h2><ol>${notes.map(({ n, text }) => `<li id="note-${n}">${escapeHtml(text).replace(/\n/g, '<br>')} <a href="#note-ref-${n}">↩</a></li>`).join('')}</ol></section>`
    : '';
  const details = [meta.byline, meta.siteName, meta.published].filter(Boolean).map((d) => escapeHtml(d!)).join(' · ');
  return [
    '<!doctype html>',
    `<html${lang ? ` lang="${escapeHtml(lang)}"` : ''}>`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title><style>${STYLE}</style></head>`,
    '<body><article>',
    `<h1>${escapeHtml(meta.title)}</h1>`,
    details ? `<p class="meta">${details}</p>` : '',
    `<p class="meta">Source: <a href="${escapeHtml(meta.url)}">${escapeHtml(meta.url)}</a></p>`,
    clone.innerHTML,
    notesHtml,
    '</article></body></html>',
    '',
  ].join('\n');
}

/** A file name from the title: letters, digits and dashes, never empty. */
export function exportFileName(title: string, extension: 'md' | 'html'): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `${slug || 'article'}.${extension}`;
}
