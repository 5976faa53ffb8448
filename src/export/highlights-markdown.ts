/**
 * "Copy highlights": an article's highlights and notes as Markdown, each quote as a block quote
 * with its note under it, headed by the title and the link. Pure.
 */
import { escapeMarkdown } from './markdown.ts';

export interface HighlightForExport {
  quote: { exact: string };
  note: string;
}

const quoteBlock = (text: string) => text.replace(/\s*\n\s*\n\s*/g, '\n\n').trim().split('\n').map((line) => (line.trim() ? `> ${escapeMarkdown(line.trim())}` : '>')).join('\n');

export function highlightsToMarkdown(meta: { title: string; url: string }, highlights: HighlightForExport[]): string {
  const parts = [`# ${escapeMarkdown(meta.title)}`, `<${meta.url}>`];
  for (const h of highlights) {
    parts.push(quoteBlock(h.quote.exact));
    if (h.note.trim()) parts.push(escapeMarkdown(h.note.trim()));
  }
  return `${parts.join('\n\n')}\n`;
}
