/**
 * Each font choice as a CSS font-family list: the reader, the settings panels' samples and the
 * options page's preview all set text with these. The bundled faces fall back on the system's
 * nearest kind until (or unless) they load.
 */
import type { FontFamily } from './schema.ts';

export const FACE_NAMES = { literata: 'ClearRead Literata', atkinson: 'ClearRead Atkinson' } as const;

const SERIF = '"Iowan Old Style", Charter, "Bitstream Charter", "Source Serif 4", "Noto Serif", Georgia, serif';
const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const FONT_STACKS: Record<FontFamily, string> = {
  literata: `"${FACE_NAMES.literata}", ${SERIF}`,
  serif: SERIF,
  sans: SANS,
  atkinson: `"${FACE_NAMES.atkinson}", ${SANS}`,
  mono: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
};
