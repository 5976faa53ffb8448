/**
 * What the reader asks the background for when it needs a bundled face, and what comes back.
 * Pure: shared by the background (which reads the files) and the reader (which decides which
 * subsets an article needs), so a page with only plain Latin text never pays for Latin Extended.
 */
export type BundledFamily = 'literata' | 'atkinson';
export type FontSubset = 'latin' | 'latin-ext';

export interface FontRequest {
  family: BundledFamily;
  subsets: FontSubset[];
}

export interface FontFaceData {
  weight: '400' | '700';
  style: 'normal' | 'italic';
  unicodeRange: string;
  /** The woff2 file, base64: messages between the background and a tab are JSON in Chrome. */
  data: string;
}

/** Fontsource's subset ranges, so a face is only used for the characters its file has. */
export const UNICODE_RANGES: Record<FontSubset, string> = {
  latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

/** Characters of Latin Extended (Polish, Czech, Vietnamese, Turkish...): the second file is worth fetching. */
const LATIN_EXT = /[\u0100-\u02ba\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff]/;

export function subsetsFor(text: string): FontSubset[] {
  return LATIN_EXT.test(text) ? ['latin', 'latin-ext'] : ['latin'];
}

export const isBundledFamily = (family: string): family is BundledFamily => family === 'literata' || family === 'atkinson';
