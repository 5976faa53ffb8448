/**
 * jsdom does not implement the named properties that browsers give forms and documents (see
 * src/detect/safe-dom.ts), so DOM clobbering cannot happen in it. This installs them on a jsdom
 * window as browsers do, as the instances' own properties overriding the built-ins
 * ([LegacyOverrideBuiltIns]): on every form and document already there and on every one created
 * later (parsing into a clone, cloneNode, importNode, createElement, createHTMLDocument).
 * Reads that return a named element instead of the built-in are counted; past a limit they throw,
 * so code that would loop forever on them (as Readability does in Chromium) fails instead of
 * hanging the test run.
 */
import type { DOMWindow } from 'jsdom';

const LISTED = 'button, fieldset, input, object, output, select, textarea, img';
const DOC_NAMED = (n: string) => `embed[name="${n}"], form[name="${n}"], iframe[name="${n}"], img[name="${n}"], object[name="${n}"], object[id="${n}"], img[id="${n}"][name]`;

export interface NamedProperties {
  /** Reads that returned a named element where the built-in property was asked for. */
  clobberedReads(): number;
}

/**
 * jsdom's own code (its selector engine, its event plumbing) reads nodes through their public
 * properties; in a browser that code is native and never sees named properties.
 */
function fromJsdomInternals(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  // The first frame outside this file and jsdom's generated bindings (a browser's are native).
  const caller = frames.find((f) => !f.includes('named-properties.ts') && !f.includes('/jsdom/lib/generated/')) ?? '';
  return caller.includes('/node_modules/') && !caller.includes('/@mozilla/readability/');
}

export function emulateNamedProperties(window: DOMWindow, limit = 10_000): NamedProperties {
  let reads = 0;
  const w = window as unknown as Record<string, { prototype: Record<string, unknown> }>;
  const qsa = w.Element!.prototype.querySelectorAll as (this: unknown, s: string) => ArrayLike<Element>;
  const docQsa = w.Document!.prototype.querySelectorAll as (this: unknown, s: string) => ArrayLike<Element>;
  const getAttr = w.Element!.prototype.getAttribute as (this: Element, n: string) => string | null;
  const isNode = (x: unknown) => x instanceof (w.Node as unknown as typeof Node);
  const isForm = (x: unknown) => x instanceof (w.HTMLFormElement as unknown as typeof HTMLFormElement);
  const isDoc = (x: unknown) => x instanceof (w.Document as unknown as typeof Document);

  const names = (proto: object) => {
    const out = new Set<string>();
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) for (const n of Object.getOwnPropertyNames(p)) if (n !== '__proto__') out.add(n);
    return [...out];
  };
  const builtin = (obj: object, name: string) => {
    for (let p: object | null = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d) return d.get ? d.get.call(obj) : d.value;
    }
    return undefined;
  };
  // jsdom's selector engine reads the document through its public properties: while it runs for
  // us, those reads get the built-ins.
  let busy = false;
  const named = (obj: object, name: string): Element | undefined => {
    if (busy) return undefined;
    busy = true;
    try {
      return lookupNamed(obj, name);
    } finally {
      busy = false;
    }
  };
  const lookupNamed = (obj: object, name: string): Element | undefined => {
    if (isForm(obj)) {
      const sel = LISTED.split(', ').map((t) => `${t}[name="${name}"], ${t}[id="${name}"]`).join(', ');
      const hits = Array.from(qsa.call(obj, sel)).filter((el) => !(el.localName === 'input' && getAttr.call(el, 'type') === 'image'));
      return hits[0];
    }
    return Array.from(docQsa.call(obj, DOC_NAMED(name)))[0];
  };
  const install = (obj: object) => {
    if (Object.prototype.hasOwnProperty.call(obj, '__named')) return;
    Object.defineProperty(obj, '__named', { value: true });
    for (const name of names(Object.getPrototypeOf(obj))) {
      Object.defineProperty(obj, name, {
        configurable: true,
        get() {
          const hit = named(obj, name);
          if (!hit || fromJsdomInternals()) return builtin(obj, name);
          if (++reads > limit) throw new Error(`clobbered property read ${reads} times (${name}): a loop`);
          return hit;
        },
        set(v) {
          for (let p: object | null = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
            const d = Object.getOwnPropertyDescriptor(p, name);
            if (d?.set) return d.set.call(obj, v);
            if (d) break;
          }
          Object.defineProperty(obj, name, { value: v, writable: true, configurable: true });
        },
      });
    }
  };
  const installAll = (root: unknown) => {
    if (!root || typeof root !== 'object') return;
    if (isDoc(root)) install(root);
    if (isForm(root)) install(root);
    if (isNode(root)) {
      const docElement = Object.getOwnPropertyDescriptor(w.Document!.prototype, 'documentElement')!.get!;
      const scope = isDoc(root) ? docElement.call(root) : root;
      if (scope) for (const f of Array.from(qsa.call(scope, 'form'))) install(f);
    }
  };
  const wrap = (proto: Record<string, unknown>, method: string, pick: (result: unknown) => unknown = (r) => r) => {
    const original = proto[method] as (...a: unknown[]) => unknown;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      installAll(pick(result));
      return result;
    };
  };
  wrap(w.Node!.prototype, 'cloneNode');
  wrap(w.Document!.prototype, 'importNode');
  wrap(w.Document!.prototype, 'createElement');
  wrap(w.DOMImplementation!.prototype, 'createHTMLDocument');
  const inner = Object.getOwnPropertyDescriptor(w.Element!.prototype, 'innerHTML')!;
  Object.defineProperty(w.Element!.prototype, 'innerHTML', {
    ...inner,
    set(this: Element, v: string) {
      inner.set!.call(this, v);
      installAll(this);
    },
  });
  installAll(window.document);
  return { clobberedReads: () => reads };
}
