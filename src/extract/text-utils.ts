/** Small text helpers shared by the metadata readers. */

export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', bull: '•', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', middot: '·', raquo: '»', laquo: '«' };

/**
 * Metadata strings (JSON-LD, meta content) are often HTML-escaped twice by CMSs, so "&#8217;" or
 * "&amp;#8230;" reaches us as text. Decoded by hand: no markup is ever parsed.
 */
export function decodeEntities(s: string): string {
  let out = s;
  for (let i = 0; i < 2 && /&(#\d+|#x[\da-f]+|[a-z]+);/i.test(out); i++) {
    out = out.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
      }
      return NAMED[code.toLowerCase()] ?? m;
    });
  }
  return out;
}

export const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = squash(decodeEntities(s));
  return t.length > 0 ? t : undefined;
};

/** Lowercase word tokens (letters and digits in any script). */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
