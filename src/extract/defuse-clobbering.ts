/**
 * Removes DOM clobbering from the extraction clone (ours to change; the live page never is).
 * A form exposes each of its controls (and images) by name and id as a property that overrides its
 * built-in ones, and a document exposes named images, forms, embeds, objects and frames the same
 * way. An article holding `<input name="parentNode">` thus sends Readability's ancestor walks round
 * in circles, and `name="getAttribute"` or `"tagName"` makes them throw. Every name or id that
 * would shadow any property of a form or a document (their whole prototype chains, so nothing is
 * listed by hand) is removed before any code reads the clone. Runs first, through prototype
 * accessors only.
 */
import { protoCall, safe } from '../detect/safe-dom.ts';

/** Elements a form or a document exposes as named properties. */
const NAMED = 'button, fieldset, input, object, output, select, textarea, img, embed, form, iframe';
const SELECTOR = NAMED.split(', ')
  .flatMap((tag) => [`${tag}[name]`, `${tag}[id]`])
  .join(', ');

/** Returns how many attributes were removed. */
export function defuseClobbering(clone: Document): number {
  const formProto = Object.getPrototypeOf(protoCall<Element>(clone, 'createElement', 'form')) as object;
  const docProto = Object.getPrototypeOf(clone) as object;
  const shadows = (value: string | null) => !!value && (value in formProto || value in docProto);
  let removed = 0;
  for (const el of safe.querySelectorAll(clone, SELECTOR)) {
    for (const attr of ['name', 'id']) {
      if (shadows(safe.getAttribute(el, attr))) {
        protoCall(el, 'removeAttribute', attr);
        removed++;
      }
    }
  }
  return removed;
}
