/**
 * The reading fonts that ship inside the extension (latin subset, regular and bold), inlined in
 * the lazy reader chunk so they need no network, no web-accessible resource and no page CSP
 * allowance. Chrome ignores @font-face inside a shadow root, so faces are added to the page's
 * FontFaceSet from bytes (never a URL the page's font-src could block) and taken out on close.
 */
import literata400 from '@fontsource/literata/files/literata-latin-400-normal.woff2?url&inline';
import literata700 from '@fontsource/literata/files/literata-latin-700-normal.woff2?url&inline';
import atkinson400 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url&inline';
import atkinson700 from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url&inline';
import type { FontFamily } from '../settings/schema.ts';

const FACES: Partial<Record<FontFamily, { family: string; weights: [string, string][] }>> = {
  literata: { family: 'ClearRead Literata', weights: [['400', literata400], ['700', literata700]] },
  atkinson: { family: 'ClearRead Atkinson', weights: [['400', atkinson400], ['700', atkinson700]] },
};

function bytes(dataUrl: string): ArrayBuffer {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}

export interface BundledFonts {
  /** Makes sure the faces for `family` are available; other families cost nothing. */
  use(family: FontFamily): void;
  release(): void;
}

export function bundledFonts(doc: Document): BundledFonts {
  const added = new Map<FontFamily, FontFace[]>();
  return {
    use(family) {
      const spec = FACES[family];
      if (!spec || added.has(family) || !doc.fonts) return;
      const faces = spec.weights.map(([weight, url]) => new FontFace(spec.family, bytes(url), { weight, style: 'normal' }));
      added.set(family, faces);
      for (const face of faces) {
        try {
          doc.fonts.add(face);
        } catch {
          // A page that broke its FontFaceSet gets the fallback stack; reading still works.
        }
      }
    },
    release() {
      for (const faces of added.values()) for (const face of faces) doc.fonts?.delete(face);
      added.clear();
    },
  };
}
