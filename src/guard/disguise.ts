/**
 * Replaces functions on a page's objects so that the page sees no difference in shape:
 * getters stay accessors on the same objects, replacements are non-constructible methods with the
 * original name and length, and Function.prototype.toString shows the originals, so feature
 * checks and SDK sanity checks see nothing unusual.
 */

export type Fn = (...args: unknown[]) => unknown;
export type Replace = (owner: object | undefined, key: string, slot: 'get' | 'set' | 'value', make: (original: Fn) => Fn) => void;

interface DisguiseWindow {
  Function: FunctionConstructor;
}

/** One per realm: the toString patch is installed once, on the first replacement. */
const realms = new WeakMap<object, Replace>();

export function disguiseFor(win: DisguiseWindow): Replace {
  const known = realms.get(win.Function.prototype);
  if (known) return known;
  const originals = new WeakMap<object, Fn>();
  const replace: Replace = (owner, key, slot, make) => {
    const desc = owner && Object.getOwnPropertyDescriptor(owner, key);
    const original = desc?.[slot] as Fn | undefined;
    if (!owner || !desc || typeof original !== 'function') return;
    const replacement = make(original);
    Object.defineProperty(replacement, 'name', { value: original.name });
    Object.defineProperty(replacement, 'length', { value: original.length });
    originals.set(replacement, original);
    Object.defineProperty(owner, key, { ...desc, [slot]: replacement });
  };
  realms.set(win.Function.prototype, replace);
  // Method shorthand: like a native function, it has no prototype and cannot be `new`ed.
  replace(win.Function.prototype, 'toString', 'value', (original) => ({
    toString(this: unknown) {
      return original.call(typeof this === 'function' ? originals.get(this) ?? this : this);
    },
  }).toString as Fn);
  return replace;
}

/** A getter in accessor shape (no prototype, not constructible), named as the original. */
export function getter(name: string, get: (this: unknown) => unknown): Fn {
  return Object.getOwnPropertyDescriptor({ get [name]() { return get.call(this); } }, name)!.get as Fn;
}

/** A setter in accessor shape. */
export function setter(name: string, set: (this: unknown, value: unknown) => void): Fn {
  return Object.getOwnPropertyDescriptor({ set [name](value: unknown) { set.call(this, value); } }, name)!.set as Fn;
}

/** A method in native shape (no prototype, not constructible). */
export function method(name: string, body: (this: unknown, ...args: unknown[]) => unknown): Fn {
  return ({ [name](this: unknown, ...args: unknown[]) { return body.apply(this, args); } })[name] as Fn;
}
