/**
 * The native prompt guard, run in the page's own world before any page script: while the site's
 * real notification permission is still undecided ("default"), the page is told it is "denied".
 * Push SDKs read the permission before showing their soft prompt and stay quiet; a direct
 * requestPermission() settles at once without a browser prompt. Once the user decides for real
 * (granted or denied in the browser's site settings) every call passes straight through.
 *
 * Shapes are kept: getters stay accessors on the same objects, replacements are non-constructible
 * methods with the original name and length, and Function.prototype.toString shows the originals,
 * so feature checks and SDK sanity checks see nothing unusual.
 */

type Fn = (...args: unknown[]) => unknown;

export interface GuardWindow {
  Notification?: unknown;
  PushManager?: { prototype: object };
  Permissions?: { prototype: object };
  PermissionStatus?: { prototype: object };
  Function: FunctionConstructor;
  Promise: PromiseConstructor;
  DOMException: typeof DOMException;
  queueMicrotask(callback: () => void): void;
}

const UNDECIDED_NOTIFICATION = 'default';
const UNDECIDED_PERMISSION = 'prompt';
const GUARDED_PERMISSIONS = new Set(['notifications', 'push']);

/** Patches `win`; returns false (and changes nothing) where there is nothing to guard. */
export function installNotificationGuard(win: GuardWindow): boolean {
  const notification = win.Notification as (Fn & { permission?: string }) | undefined;
  if (typeof notification !== 'function') return false;
  const permissionGetter = Object.getOwnPropertyDescriptor(notification, 'permission')?.get;
  if (!permissionGetter) return false;
  const realPermission = (): unknown => permissionGetter.call(notification);
  let initial: unknown;
  try {
    initial = realPermission();
  } catch {
    return false;
  }
  // A site the user already allowed (or blocked) is left exactly as it is.
  if (initial !== UNDECIDED_NOTIFICATION) return false;
  const undecided = () => realPermission() === UNDECIDED_NOTIFICATION;

  const originals = new WeakMap<object, Fn>();
  const replace = (owner: object | undefined, key: string, slot: 'get' | 'value', make: (original: Fn) => Fn) => {
    const desc = owner && Object.getOwnPropertyDescriptor(owner, key);
    const original = desc?.[slot] as Fn | undefined;
    if (!owner || !desc || typeof original !== 'function') return;
    const replacement = make(original);
    Object.defineProperty(replacement, 'name', { value: original.name });
    Object.defineProperty(replacement, 'length', { value: original.length });
    originals.set(replacement, original);
    Object.defineProperty(owner, key, { ...desc, [slot]: replacement });
  };

  // Method and accessor shorthand below: like native functions, they have no prototype and cannot be `new`ed.
  replace(notification, 'permission', 'get', (original) => Object.getOwnPropertyDescriptor({
    get permission() {
      const real = original.call(this);
      return real === UNDECIDED_NOTIFICATION ? 'denied' : real;
    },
  }, 'permission')!.get as Fn);

  replace(notification, 'requestPermission', 'value', (original) => ({
    requestPermission(this: unknown, ...args: unknown[]) {
      if (!undecided()) return original.apply(this, args);
      const callback = args[0];
      // The legacy callback form is still used; an exception in it surfaces as it would natively.
      if (typeof callback === 'function') win.queueMicrotask(() => callback('denied'));
      return win.Promise.resolve('denied');
    },
  }).requestPermission as Fn);

  replace(win.PushManager?.prototype, 'subscribe', 'value', (original) => ({
    subscribe(this: unknown, ...args: unknown[]) {
      if (!undecided()) return original.apply(this, args);
      return win.Promise.reject(new win.DOMException('Registration failed - permission denied', 'NotAllowedError'));
    },
  }).subscribe as Fn);

  replace(win.PushManager?.prototype, 'permissionState', 'value', (original) => ({
    permissionState(this: unknown, ...args: unknown[]) {
      return undecided() ? win.Promise.resolve('denied') : original.apply(this, args);
    },
  }).permissionState as Fn);

  // Statuses handed out for notifications/push report "denied" while undecided; others are untouched.
  const guardedStatuses = new WeakSet<object>();
  replace(win.PermissionStatus?.prototype, 'state', 'get', (original) => Object.getOwnPropertyDescriptor({
    get state() {
      const real = original.call(this);
      return real === UNDECIDED_PERMISSION && guardedStatuses.has(this as object) ? 'denied' : real;
    },
  }, 'state')!.get as Fn);

  replace(win.Permissions?.prototype, 'query', 'value', (original) => ({
    query(this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args) as Promise<object>;
      let name: unknown;
      try {
        name = (args[0] as { name?: unknown } | null | undefined)?.name;
      } catch {
        return result; // the original has already turned this argument into its own rejection
      }
      if (typeof name !== 'string' || !GUARDED_PERMISSIONS.has(name) || !result || typeof result.then !== 'function') return result;
      return result.then((status) => {
        if (status && typeof status === 'object') guardedStatuses.add(status);
        return status;
      });
    },
  }).query as Fn);

  replace(win.Function.prototype, 'toString', 'value', (original) => {
    const toString = ({
      toString(this: unknown) {
        return original.call(typeof this === 'function' ? originals.get(this) ?? this : this);
      },
    }).toString as Fn;
    return toString;
  });
  return true;
}
