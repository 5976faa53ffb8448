/** Settings become attributes and custom properties on the overlay host; CSS does the rest. */
import type { Settings } from '../settings/schema.ts';

export function applySettings(host: HTMLElement, settings: Settings): void {
  host.setAttribute('data-theme', settings.theme);
  host.setAttribute('data-font', settings.fontFamily);
  host.style.setProperty('--font-size', `${settings.fontSize}px`);
  host.style.setProperty('--line-height', String(settings.lineHeight));
  host.style.setProperty('--content-width', `${settings.contentWidth}em`);
}
