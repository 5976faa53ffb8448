/** The preview box's inline style: the reader's look, approximated with plain CSS properties. */
import { FONT_STACKS } from '../settings/font-stacks.ts';
import type { Settings } from '../settings/schema.ts';

const PALETTE = {
  light: { bg: '#fbfbf9', fg: '#1d1d1f', link: '#0b57d0' },
  sepia: { bg: '#f5eddb', fg: '#3a2e22', link: '#7a3f0a' },
  dark: { bg: '#1b1b1f', fg: '#e6e4e0', link: '#8ab4f8' },
};

export function previewStyle(s: Settings, systemDark: boolean): string {
  const colors = s.theme === 'custom'
    ? { bg: s.customColors.background, fg: s.customColors.text, link: s.customColors.link }
    : PALETTE[s.theme === 'system' ? (systemDark ? 'dark' : 'light') : s.theme];
  return [
    `background: ${colors.bg}`, `color: ${colors.fg}`, `--link: ${colors.link}`,
    `font-family: ${FONT_STACKS[s.fontFamily]}`, `font-size: ${s.fontSize}px`, `line-height: ${s.lineHeight}`,
    `letter-spacing: ${s.letterSpacing}em`, `word-spacing: ${s.wordSpacing}em`, `text-align: ${s.textAlign}`,
  ].join('; ');
}
