/** What extraction hands to the reader. Text fields are plain text; `contentHtml` is untrusted. */
export interface Article {
  url: string;
  title: string;
  subtitle?: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601 date-time, when the page states a valid one. */
  published?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Cleaned article body as HTML. Untrusted: it enters the DOM only through the sanitiser. */
  readonly contentHtml: string;
  /**
   * The same body as nodes of the extraction's inert copy of the page (never the live document).
   * Untrusted likewise: the reader hands it to the sanitiser, which cleans it in place.
   */
  content?: Element;
  text: string;
  wordCount: number;
  readingMinutes: number;
}

export type ExtractionFailure = 'not-article' | 'too-large' | 'failed';

export type Extraction =
  | {
      ok: true;
      article: Article;
      /**
       * How likely the body is the whole article and only it (0-1), from the detection signals,
       * its length and link density, and how it was found (BENCHMARKS.md relates it to F1).
       */
      confidence: number;
      /** The extraction looks poor (a fragment, a list, a page that is not an article): the reader should say so. */
      looksPoor: boolean;
    }
  | { ok: false; reason: ExtractionFailure; message: string };
