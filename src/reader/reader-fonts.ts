/**
 * The bundled reading faces in the reader. Chrome ignores @font-face inside a shadow root, so the
 * faces go into the page's FontFaceSet while the reader is open and come out when it closes. They
 * are built from bytes the background reads from the package (see background/font-files.ts for
 * why bytes and not a URL), only for the family in use and only for the subsets the article's
 * text needs.
 */
import { FACE_NAMES } from '../settings/font-stacks.ts';
import type { FontFamily } from '../settings/schema.ts';
import { isBundledFamily, subsetsFor, type FontFaceData, type FontRequest } from './font-request.ts';


export type FetchFaces = (request: FontRequest) => Promise<FontFaceData[]>;

export interface ReaderFonts {
  /** Resolves once `family`'s faces are ready, or could not be had (the fallback stack then serves). */
  use(family: FontFamily, text: string): Promise<void>;
  release(): void;
}

function bytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}

export function readerFonts(doc: Document, fetchFaces: FetchFaces): ReaderFonts {
  /** One load per family and subset, so a family asked for again (a settings echo) costs nothing. */
  const loading = new Map<string, Promise<void>>();
  const added: FontFace[] = [];
  let released = false;

  const load = async (request: FontRequest) => {
    const faces = await fetchFaces(request);
    if (released || !doc.fonts) return;
    const name = FACE_NAMES[request.family];
    const built = faces.map((f) => new FontFace(name, bytes(f.data), { weight: f.weight, style: f.style, unicodeRange: f.unicodeRange }));
    for (const face of built) {
      try {
        doc.fonts.add(face);
        added.push(face);
      } catch {
        // A page that broke its FontFaceSet gets the fallback stack; reading still works.
      }
    }
    await Promise.all(built.map((face) => face.loaded.catch(() => undefined)));
  };

  return {
    use(family, text) {
      if (!isBundledFamily(family)) return Promise.resolve();
      return Promise.all(subsetsFor(text).map((subset) => {
        const key = `${family}:${subset}`;
        let pending = loading.get(key);
        if (!pending) {
          pending = load({ family, subsets: [subset] }).catch(() => undefined);
          loading.set(key, pending);
        }
        return pending;
      })).then(() => undefined);
    },
    release() {
      released = true;
      for (const face of added.splice(0)) doc.fonts?.delete(face);
      loading.clear();
    },
  };
}
