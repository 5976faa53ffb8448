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

const MOJIBAKE_RUN = /[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|[\u00f0-\u00f4][\u0080-\u00bf]{3}/g;

/**
 * UTF-8 text that was decoded as Latin-1 and encoded again ("Investorâ\u0080\u0099s"). The C1
 * control characters this leaves never occur in real text, so only runs holding one are decoded
 * back, and only when they decode as valid UTF-8.
 */
export function repairMojibake(s: string): string {
  if (!/[\u0080-\u009f]/.test(s)) return s;
  return s.replace(MOJIBAKE_RUN, (run) => {
    if (!/[\u0080-\u009f]/.test(run)) return run;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(run, (c) => c.charCodeAt(0)));
    } catch {
      return run;
    }
  });
}

export const clean = (s: unknown): string | undefined => {
  if (typeof s !== 'string') return undefined;
  const t = squash(repairMojibake(decodeEntities(s)));
  return t.length > 0 ? t : undefined;
};

/** Lowercase word tokens (letters and digits in any script). */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Letters and digits only, lowercased: "Newegg.com" and "newegg com" compare equal. */
export const compact = (s: string): string => words(s).join('');

/**
 * The ways a page names its own site in a title: "Newegg.com", "SoundStage! Xperience" for
 * soundstagexperience.com. Compared as letters and digits only.
 */
export function hostKeys(host: string | undefined): Set<string> {
  const keys = new Set<string>();
  if (!host) return keys;
  const labels = host.toLowerCase().replace(/^www\./, '').split('.');
  keys.add(compact(labels.join('.')));
  if (labels.length >= 2) {
    keys.add(compact(labels.slice(-2).join('.')));
    // The registrable name, when it is long enough not to be a common word ("ai", "news").
    if (labels.at(-2)!.length >= 5) keys.add(labels.at(-2)!);
  }
  return keys;
}
