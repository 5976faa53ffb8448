/**
 * The bundled reading faces on the extension's own pages (the popup's and the options page's font
 * samples and preview). An extension page loads its own files by URL; no page is involved.
 */
import literata from '@fontsource/literata/files/literata-latin-400-normal.woff2?url';
import atkinson from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url';
import { FACE_NAMES } from '../settings/font-stacks.ts';

export function loadPageFonts(doc: Document = document): void {
  for (const [family, url] of [[FACE_NAMES.literata, literata], [FACE_NAMES.atkinson, atkinson]] as const) {
    doc.fonts.add(new FontFace(family, `url(${url})`));
  }
}
