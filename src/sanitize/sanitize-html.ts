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
  ADD_ATTR: ['data-lang'],
  // DOMPurify checks every non-URI attribute value against this too, so values without a scheme
  // (colspan="2", a relative path) must pass; only http(s), mailto and tel schemes do. Images
  // may still use data: URLs through DOMPurify's own data-URI rule for <img src>.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

export type Sanitize = (html: string) => DocumentFragment;

export function createSanitizer(win: Window): Sanitize {
  const purify = createDOMPurify(win as unknown as Window & typeof globalThis);
  // Classes go, but a code block's language is worth keeping: carry it over as data-lang.
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeName !== 'CODE' && node.nodeName !== 'PRE') return;
    const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]{1,30})/.exec(node.getAttribute('class') ?? '')?.[1];
    if (lang && !node.hasAttribute('data-lang')) node.setAttribute('data-lang', lang.toLowerCase());
  });
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
  // Chromium attaches an inline handler (onerror=…) when DOMPurify's parser creates the element and
  // keeps it after DOMPurify removes the attribute: the page's code then ran when our copy of the
  // image failed to load. A deep clone carries attributes but never listeners, so the overlay only
  // ever receives clones (test: hostile-page e2e, "runs no page code").
  return (html) => win.document.importNode(purify.sanitize(html, CONFIG) as unknown as DocumentFragment, true);
}
