/** Settings become attributes and custom properties on the overlay host; CSS does the rest. */
import { FONT_STACKS } from '../settings/font-stacks.ts';
import type { Settings } from '../settings/schema.ts';
import { measureProperties } from './measure.ts';

const onOff = (on: boolean) => (on ? 'on' : 'off');

/** `advance`: the article text's average character width in em, in this font (measure.ts). */
export function applySettings(host: HTMLElement, settings: Settings, advance: number): void {
  host.setAttribute('data-theme', settings.theme);
  host.setAttribute('data-font', settings.fontFamily);
  host.setAttribute('data-align', settings.textAlign);
  host.setAttribute('data-images', onOff(settings.showImages));
  host.setAttribute('data-progress', onOff(settings.showProgress));
  host.setAttribute('data-toc', onOff(settings.showToc));
  host.setAttribute('data-focus-line', onOff(settings.focusLine));
  host.toggleAttribute('data-dim-images', settings.dimImages);
  const props: Record<string, string> = {
    '--font': FONT_STACKS[settings.fontFamily],
    '--font-size': `${settings.fontSize}px`,
    '--line-height': String(settings.lineHeight),
    '--letter-spacing': `${settings.letterSpacing}em`,
    '--word-spacing': `${settings.wordSpacing}em`,
    '--text-align': settings.textAlign,
    '--custom-fg': settings.customColors.text,
    '--custom-bg': settings.customColors.background,
    '--custom-link': settings.customColors.link,
    ...measureProperties(settings, advance),
  };
  for (const [name, value] of Object.entries(props)) host.style.setProperty(name, value);
}
