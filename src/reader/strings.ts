/**
 * The reader's own words and the direction they are written in, from the extension's locale
 * files (`reader_*` keys in _locales/<lang>/messages.json). A new locale is a new messages.json:
 * nothing here is English-only, and the reader's chrome takes the UI language's direction while
 * each article keeps its own.
 */
import { i18n, uiLanguage } from '../platform/extension-api.ts';

export const READER_STRINGS = [
  'readerView', 'readerControls', 'close', 'closeReader', 'settings', 'settingsTitle', 'more', 'contents',
  'copyMarkdown', 'saveMarkdown', 'saveHtml', 'print', 'progress', 'copied', 'copyFailed', 'saved',
  'resumed', 'unavailable', 'minutesRead', 'loading', 'source', 'printed', 'moreSettings',
] as const;
export type ReaderString = (typeof READER_STRINGS)[number];

export function t(key: ReaderString, ...substitutions: string[]): string {
  return i18n(`reader_${key}`, substitutions.length ? substitutions : undefined);
}

/**
 * A `t` for a reader feature's own strings (read aloud, highlights): the same locale files and
 * `reader_` prefix, with the feature's English table as the fallback where no extension context
 * answers (unit tests) or a key is missing.
 */
export function translator<K extends string>(english: Readonly<Record<K, string>>): (key: K, substitution?: string) => string {
  return (key, substitution) => {
    try {
      const message = i18n(`reader_${key}`, substitution);
      if (message && message !== `reader_${key}`) return message;
    } catch {
      // No extension context: English below.
    }
    return substitution === undefined ? english[key] : english[key].replace('$1', substitution);
  };
}

export interface UiLocale {
  /** BCP 47, for Intl and the `lang` attribute of the reader's chrome. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

export function uiLocale(): UiLocale {
  let lang = 'en';
  let dir: 'ltr' | 'rtl' = 'ltr';
  try {
    lang = uiLanguage() || lang;
    dir = i18n('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    // No extension context (a unit test): English, left to right.
  }
  return { lang, dir };
}

/** The words the article frame uses, bound to one locale. */
export interface ArticleLabels {
  locale: UiLocale;
  minutesRead(minutes: number): string;
  date(iso: string): string;
  unavailable: string;
  close: string;
  source: string;
  printed(date: string): string;
}

export function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
  } catch {
    return date.toDateString();
  }
}

export function articleLabels(locale = uiLocale()): ArticleLabels {
  const number = new Intl.NumberFormat(locale.lang);
  return {
    locale,
    minutesRead: (minutes) => t('minutesRead', number.format(minutes)),
    date: (iso) => formatDate(iso, locale.lang),
    unavailable: t('unavailable'),
    close: t('close'),
    source: t('source'),
    printed: (date) => t('printed', date),
  };
}
