/** Settings become attributes and custom properties on the overlay host; CSS does the rest. */
import type { Settings } from '../settings/schema.ts';

const onOff = (on: boolean) => (on ? 'on' : 'off');

export function applySettings(host: HTMLElement, settings: Settings): void {
  host.setAttribute('data-theme', settings.theme);
  host.setAttribute('data-font', settings.fontFamily);
  host.setAttribute('data-align', settings.textAlign);
  host.setAttribute('data-images', onOff(settings.showImages));
  host.setAttribute('data-progress', onOff(settings.showProgress));
  host.setAttribute('data-toc', onOff(settings.showToc));
  host.setAttribute('data-focus-line', onOff(settings.focusLine));
  host.toggleAttribute('data-dim-images', settings.dimImages);
  const props: Record<string, string> = {
    '--font-size': `${settings.fontSize}px`,
    '--line-height': String(settings.lineHeight),
    '--content-width': `${settings.contentWidth}em`,
    '--letter-spacing': `${settings.letterSpacing}em`,
    '--word-spacing': `${settings.wordSpacing}em`,
    '--text-align': settings.textAlign,
    '--custom-fg': settings.customColors.text,
    '--custom-bg': settings.customColors.background,
    '--custom-link': settings.customColors.link,
  };
  for (const [name, value] of Object.entries(props)) host.style.setProperty(name, value);
}
