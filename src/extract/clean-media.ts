/**
 * Media debris in the extracted body: placeholder images (an inline data: SVG or GIF, a 1×1 pixel,
 * an image without a source) that lazy-loading left behind and the reader would show as blank
 * boxes; caption controls ("hide caption", "toggle caption", "enlarge") that are buttons or links to
 * nowhere; wiki "[edit]" links. Captions themselves are content and stay with their images.
 */
import { textOf } from './dom-text.ts';
import type { TextSizes } from './text-sizes.ts';

const DATA_PLACEHOLDER = /^data:image\/(?:svg\+xml|gif)[;,]/i;

function dimension(img: Element, name: 'width' | 'height'): number | undefined {
  const v = img.getAttribute(name);
  if (v === null || !/^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v)) return undefined;
  return parseFloat(v);
}

export function isPlaceholderImage(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').trim();
  const srcset = (img.getAttribute('srcset') ?? '').trim();
  const inPicture = img.parentElement?.localName === 'picture' && !!img.parentElement.querySelector('source[srcset]');
  if (inPicture) return false;
  if (!src && !srcset) return true;
  if (DATA_PLACEHOLDER.test(src) && !srcset) return true;
  const w = dimension(img, 'width');
  const h = dimension(img, 'height');
  return (w !== undefined && w <= 2) || (h !== undefined && h <= 2);
}

/** A control, not content: a button, or a link that goes nowhere, with a few words of text. */
function isControl(el: Element): boolean {
  if (el.localName === 'button' || el.getAttribute('role') === 'button') return true;
  // It says what it expands or controls.
  if (el.hasAttribute('aria-expanded') || el.hasAttribute('aria-controls')) return true;
  if (el.localName !== 'a') return false;
  const href = (el.getAttribute('href') ?? '').trim();
  return href === '' || href === '#' || /^javascript:/i.test(href);
}

export function removePlaceholderImages(root: Element, sizes: TextSizes): void {
  for (const img of [...root.querySelectorAll('img')]) {
    if (!root.contains(img) || !isPlaceholderImage(img)) continue;
    // The wrapper goes too when the placeholder was all it held (a <picture>, a link, an empty figure).
    let box: Element = img;
    for (let up = img.parentElement; up && up !== root && sizes.of(up) === 0 && up.querySelectorAll('img, video, iframe').length === 1; up = up.parentElement) {
      if (!/^(picture|a|span|div|figure|noscript)$/.test(up.localName)) break;
      box = up;
    }
    sizes.remove(box);
  }
}

export function removeCaptionControls(root: Element, sizes: TextSizes): void {
  for (const el of [...root.querySelectorAll('figure a, figure button, figure [role="button"], figure [aria-expanded], figure [aria-controls], figcaption a, figcaption button')]) {
    if (!root.contains(el) || sizes.of(el) > 30) continue;
    const words = textOf(el).split(' ').length;
    if (words <= 3 && isControl(el)) sizes.remove(el);
  }
}

/** MediaWiki's "[edit]" links: a link to the page's edit action, with its brackets. */
export function removeEditLinks(root: Element, sizes: TextSizes): void {
  for (const a of [...root.querySelectorAll('a[href]')]) {
    if (!root.contains(a)) continue;
    const href = a.getAttribute('href') ?? '';
    if (!/[?&]action=(?:edit|submit)\b|[?&]veaction=edit\b/i.test(href) || sizes.of(a) > 30) continue;
    const box = a.parentElement;
    // The bracketed wrapper ("[edit]") goes when the link is all it holds.
    if (box && box !== root && textOf(box).replace(textOf(a), '').replace(/[\s[\]|]/g, '') === '') sizes.remove(box);
    else sizes.remove(a);
  }
}
