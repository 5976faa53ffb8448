/**
 * Lazy-loading scripts keep the real image URL in data attributes or a <noscript> twin and put a
 * placeholder in `src`. Readability sees only the placeholder, so the real source is restored on
 * the extraction clone (never on the live page) before Readability runs.
 */
const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER = /^(data:|about:blank)|(^|\/)(blank|spacer|placeholder|pixel|transparent|grey|gray|lazy)[^/]*\.(gif|png|svg|jpe?g|webp)$/i;

function looksLikeImageUrl(value: string): boolean {
  return /^(https?:)?\/\/|^\/|^\.{0,2}\/?[\w-]/.test(value) && !value.startsWith('data:') && !/\s/.test(value.trim());
}

function isPlaceholder(src: string | null): boolean {
  return !src || PLACEHOLDER.test(src.trim());
}

/**
 * Parses markup in a fresh inert document of the same implementation (never the live one), so it
 * neither loads images nor needs a global DOMParser (absent in Node tests).
 */
function parseInert(doc: Document, html: string): Document {
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = html;
  return inert;
}

export function resolveLazyMedia(root: Document): void {
  for (const img of root.querySelectorAll('img')) {
    for (const attr of LAZY_SRC_ATTRS) {
      const value = img.getAttribute(attr)?.trim();
      if (value && looksLikeImageUrl(value) && isPlaceholder(img.getAttribute('src'))) {
        img.setAttribute('src', value);
        break;
      }
    }
    for (const attr of LAZY_SRCSET_ATTRS) {
      const value = img.getAttribute(attr)?.trim();
      if (value && !img.getAttribute('srcset')) img.setAttribute('srcset', value);
    }
  }
  for (const source of root.querySelectorAll('picture source[data-srcset]')) {
    if (!source.getAttribute('srcset')) source.setAttribute('srcset', source.getAttribute('data-srcset') ?? '');
  }
  // <noscript><img></noscript> next to a placeholder image: the noscript copy is the real one.
  for (const noscript of root.querySelectorAll('noscript')) {
    // With scripting on (a live page) <noscript> holds its markup as text; with it off (jsdom) as nodes.
    const html = noscript.textContent ?? '';
    const real =
      noscript.querySelector('img[src]') ??
      (/<img\b/i.test(html) ? parseInert(root, html).querySelector('img[src]') : null);
    const placeholder = noscript.previousElementSibling;
    if (!real) continue;
    if (placeholder?.localName === 'img' && isPlaceholder(placeholder.getAttribute('src'))) {
      placeholder.setAttribute('src', real.getAttribute('src') ?? '');
      const srcset = real.getAttribute('srcset');
      if (srcset) placeholder.setAttribute('srcset', srcset);
      noscript.remove();
    } else if (!noscript.parentElement?.querySelector('img')) {
      const img = noscript.ownerDocument.createElement('img');
      for (const name of ['src', 'srcset', 'alt', 'width', 'height']) {
        const v = real.getAttribute(name);
        if (v !== null) img.setAttribute(name, v);
      }
      noscript.replaceWith(img);
    }
  }
}
