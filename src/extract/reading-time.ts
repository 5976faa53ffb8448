/**
 * Word count and reading time. CJK scripts do not separate words with spaces, so their characters
 * are counted and converted at the usual reading rate for those scripts.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 500;

export function countWords(text: string): { words: number; cjkChars: number } {
  const cjkChars = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, cjkChars };
}

export function readingMinutes(text: string): number {
  const { words, cjkChars } = countWords(text);
  const minutes = words / WORDS_PER_MINUTE + cjkChars / CJK_CHARS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}
