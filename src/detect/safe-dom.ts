/**
 * DOM reads a page cannot redirect. Forms and documents expose their named children as properties
 * that override the built-in ones (`<input name="parentNode">` makes `form.parentNode` that input;
 * `<img name="querySelectorAll">` replaces `document.querySelectorAll`): DOM clobbering. Reading
 * through the getter or method on the prototype chain, called with the object as `this`, always
 * gets the real property. Prototypes themselves carry no named properties.
 */

type Found = { get?: (this: unknown) => unknown; value?: unknown } | null;
const found = new WeakMap<object, Map<string, Found>>();

function lookup(obj: object, name: string): Found {
  const proto = Object.getPrototypeOf(obj) as object | null;
  if (!proto) return null;
  let byName = found.get(proto);
  if (!byName) found.set(proto, (byName = new Map()));
  let hit = byName.get(name);
  if (hit === undefined) {
    hit = null;
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d) {
        hit = d.get ? { get: d.get } : { value: d.value };
        break;
      }
    }
    byName.set(name, hit);
  }
  return hit;
}

/** `obj[name]` as the prototype defines it (a getter's value, or the prototype's own value). */
export function protoGet<T>(obj: object, name: string): T {
  const hit = lookup(obj, name);
  if (!hit) return undefined as T;
  return (hit.get ? hit.get.call(obj) : hit.value) as T;
}

/** `obj[name](...args)` with the prototype's method. */
export function protoCall<T>(obj: object, name: string, ...args: unknown[]): T {
  const hit = lookup(obj, name);
  const fn = hit?.value;
  if (typeof fn !== 'function') throw new TypeError(`no method ${name}`);
  return (fn as (...a: unknown[]) => T).apply(obj, args);
}

export const safe = {
  querySelectorAll: (root: Document | Element, selector: string): NodeListOf<Element> => protoCall(root, 'querySelectorAll', selector),
  querySelector: (root: Document | Element, selector: string): Element | null => protoCall(root, 'querySelector', selector),
  byTag: (root: Document | Element, tag: string): HTMLCollectionOf<Element> => protoCall(root, 'getElementsByTagName', tag),
  documentElement: (doc: Document): Element | null => protoGet(doc, 'documentElement'),
  body: (doc: Document): HTMLElement | null => protoGet(doc, 'body'),
  title: (doc: Document): string => protoGet<string>(doc, 'title') ?? '',
  parentElement: (node: Node): Element | null => protoGet(node, 'parentElement'),
  getAttribute: (el: Element, name: string): string | null => protoCall(el, 'getAttribute', name),
  textContent: (node: Node): string => protoGet<string | null>(node, 'textContent') ?? '',
  localName: (el: Element): string => protoGet(el, 'localName'),
  cloneDocument: (doc: Document): Document => protoCall(doc, 'cloneNode', true),
};
