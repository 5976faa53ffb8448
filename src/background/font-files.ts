/**
 * The bundled reading faces, served to the reader as bytes on request.
 *
 * Why bytes through messaging rather than a URL: a font the page's document loads from an
 * extension URL has to be web-accessible, and a web-accessible file is something any page can
 * probe for at a fixed address (Chrome without dynamic URLs) or that names the install's UUID in
 * the page's resource timing (Firefox), and a page's CSP `font-src` can refuse it. A FontFace
 * built from bytes has no URL: nothing to probe, nothing in the page's resource timing, no CSP
 * involved. The files stay plain woff2 in the package (vite emits them from @fontsource), read
 * here from the extension's own origin, which needs no web-accessible entry.
 */
import literataLatin400 from '@fontsource/literata/files/literata-latin-400-normal.woff2?url';
import literataLatin400i from '@fontsource/literata/files/literata-latin-400-italic.woff2?url';
import literataLatin700 from '@fontsource/literata/files/literata-latin-700-normal.woff2?url';
import literataLatin700i from '@fontsource/literata/files/literata-latin-700-italic.woff2?url';
import literataExt400 from '@fontsource/literata/files/literata-latin-ext-400-normal.woff2?url';
import literataExt400i from '@fontsource/literata/files/literata-latin-ext-400-italic.woff2?url';
import literataExt700 from '@fontsource/literata/files/literata-latin-ext-700-normal.woff2?url';
import literataExt700i from '@fontsource/literata/files/literata-latin-ext-700-italic.woff2?url';
import atkinsonLatin400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url';
import atkinsonLatin400i from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff2?url';
import atkinsonLatin700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url';
import atkinsonLatin700i from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-italic.woff2?url';
import atkinsonExt400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-400-normal.woff2?url';
import atkinsonExt400i from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-400-italic.woff2?url';
import atkinsonExt700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-700-normal.woff2?url';
import atkinsonExt700i from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-700-italic.woff2?url';
import { packagedFile } from '../platform/extension-api.ts';
import { UNICODE_RANGES, isBundledFamily, type FontFaceData, type FontRequest, type FontSubset } from '../reader/font-request.ts';

type Styles = Record<`${FontFaceData['weight']}-${FontFaceData['style']}`, string>;

const FILES: Record<FontRequest['family'], Record<FontSubset, Styles>> = {
  literata: {
    latin: { '400-normal': literataLatin400, '400-italic': literataLatin400i, '700-normal': literataLatin700, '700-italic': literataLatin700i },
    'latin-ext': { '400-normal': literataExt400, '400-italic': literataExt400i, '700-normal': literataExt700, '700-italic': literataExt700i },
  },
  atkinson: {
    latin: { '400-normal': atkinsonLatin400, '400-italic': atkinsonLatin400i, '700-normal': atkinsonLatin700, '700-italic': atkinsonLatin700i },
    'latin-ext': { '400-normal': atkinsonExt400, '400-italic': atkinsonExt400i, '700-normal': atkinsonExt700, '700-italic': atkinsonExt700i },
  },
};

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode with a whole file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const packaged = (url: string) => packagedFile(url.replace(/^\//, ''));

export async function fontFaces(request: FontRequest): Promise<FontFaceData[]> {
  if (!isBundledFamily(request.family)) return [];
  const subsets = request.subsets.filter((s): s is FontSubset => s in UNICODE_RANGES);
  const wanted = subsets.flatMap((subset) => Object.entries(FILES[request.family][subset]).map(([key, url]) => ({ subset, key, url })));
  return Promise.all(wanted.map(async ({ subset, key, url }) => {
    const [weight, style] = key.split('-') as [FontFaceData['weight'], FontFaceData['style']];
    return { weight, style, unicodeRange: UNICODE_RANGES[subset], data: base64(await packaged(url)) };
  }));
}
