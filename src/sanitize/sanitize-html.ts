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

/**
 * Cleans an untrusted subtree that lives in an inert document (extraction's copy of the page,
 * which has no browsing context: nothing in it loads or runs) and returns the result as nodes of
 * `win.document`. No serialising and re-parsing: DOMPurify walks the nodes in place. Long bodies
 * are cleaned a batch of top-level blocks at a time, with `pause` between batches, so the page
 * never waits on one long task.
 */
export type SanitizeNode = (root: Element, pause?: () => Promise<void>) => Promise<DocumentFragment>;

/** Work per batch before pausing; a frame is 16 ms and a task over 50 ms is a long task. */
const BATCH_MS = 8;

function purifier(win: Window) {
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
  return purify;
}

export function createSanitizer(win: Window): Sanitize {
  const purify = purifier(win);
  // Chromium attaches an inline handler (onerror=…) when DOMPurify's parser creates the element and
  // keeps it after DOMPurify removes the attribute: the page's code then ran when our copy of the
  // image failed to load. A deep clone carries attributes but never listeners, so the overlay only
  // ever receives clones (test: hostile-page e2e, "runs no page code").
  return (html) => win.document.importNode(purify.sanitize(html, CONFIG) as unknown as DocumentFragment, true);
}

export function createNodeSanitizer(win: Window): SanitizeNode {
  const purify = purifier(win);
  const inPlace: Config = { ...CONFIG, RETURN_DOM_FRAGMENT: false, IN_PLACE: true };
  const strings = createSanitizer(win);
  const clean = (wrapper: Element): Node => {
    try {
      purify.sanitize(wrapper, inPlace);
      return wrapper;
    } catch {
      // DOMPurify refuses to clean in place what it cannot make safe in place (a clobbered node it
      // cannot detach); the string path parses a copy in its own inert document instead.
      return strings(wrapper.innerHTML);
    }
  };
  return async (root, pause) => {
    const source = root.ownerDocument;
    const out = win.document.createDocumentFragment();
    let started = performance.now();
    while (root.firstChild) {
      // A fresh wrapper per batch: DOMPurify will not clean a root it cannot trust (a forbidden or
      // clobbered tag), and a div we just made is neither.
      const wrapper = source.createElement('div');
      do wrapper.append(root.firstChild!);
      while (root.firstChild && wrapper.childNodes.length < 64);
      const cleaned = clean(wrapper);
      // Clones only, as above: the copy in the live document carries no listener from anywhere.
      const copy = win.document.importNode(cleaned, true);
      if (copy.nodeType === 11) out.append(copy);
      else out.append(...copy.childNodes);
      if (pause && root.firstChild && performance.now() - started > BATCH_MS) {
        await pause();
        started = performance.now();
      }
    }
    return out;
  };
}
