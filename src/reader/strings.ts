/** The reader's visible words, from the extension's locale files, with English when a key is missing. */
import { i18n } from '../platform/extension-api.ts';
import type { ArticleLabels } from './render-article.ts';

const EN = {
  readerView: 'Reader view',
  readerControls: 'Reader controls',
  smallerText: 'Smaller text (−)',
  largerText: 'Larger text (+)',
  copyMarkdown: 'Copy as Markdown',
  saveMarkdown: 'Save as Markdown',
  saveHtml: 'Save as HTML',
  print: 'Print article',
  close: 'Close reader (Esc)',
  contents: 'Contents',
  progress: 'Reading progress',
  copied: 'Copied as Markdown',
  copyFailed: 'Copy failed; try Save instead',
  saved: 'Saved',
  resumed: 'Resumed where you left off',
  unavailable: 'Reader view isn’t available here',
  minutesRead: '$1 min read',
} as const;

export type ReaderString = keyof typeof EN;

function lookup(key: string, english: string, substitution?: string): string {
  try {
    const message = i18n(`reader_${key}`, substitution);
    if (message && message !== `reader_${key}`) return message;
  } catch {
    // no extension context (a unit test): English below
  }
  return substitution === undefined ? english : english.replace('$1', substitution);
}

export function t(key: ReaderString, substitution?: string): string {
  return lookup(key, EN[key], substitution);
}

/** A `t` for a reader feature's own strings: the same locale files and `reader_` prefix, English as fallback. */
export function translator<K extends string>(english: Readonly<Record<K, string>>): (key: K, substitution?: string) => string {
  return (key, substitution) => lookup(key, english[key], substitution);
}

export const articleLabels = (): ArticleLabels => ({
  minutesRead: (minutes) => t('minutesRead', String(minutes)),
  unavailable: t('unavailable'),
});

export const READER_STRINGS_EN = EN;
