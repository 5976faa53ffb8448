/**
 * The one place where untrusted HTML becomes DOM. Article bodies come from the page, so they
 * are treated as hostile: no scripts, handlers, forms, frames, styles or classes (the page's
 * styling must not leak into the reader), and only http(s)/mailto/data-image URLs.
 */
import createDOMPurify, { type Config } from 'dompurify';

const CONFIG: Config = {
  RETURN_DOM_FRAGMENT: true,
  FORBID_TAGS: ['form', 'input', 'button', 'select', 'textarea', 'option', 'style', 'iframe', 'frame', 'frameset',
    'object', 'embed', 'link', 'meta', 'base', 'dialog', 'template', 'slot', 'noscript'],
  FORBID_ATTR: ['style', 'class', 'contenteditable', 'autofocus', 'tabindex', 'srcdoc', 'ping', 'formaction', 'background'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|data:image\/(?:png|gif|jpe?g|webp|avif);)/i,
};

export type Sanitize = (html: string) => DocumentFragment;

export function createSanitizer(win: Window): Sanitize {
  const purify = createDOMPurify(win as unknown as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    } else if (node.nodeName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.removeAttribute('width');
      node.removeAttribute('height');
    }
  });
  return (html) => purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
}
