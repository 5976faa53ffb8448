/**
 * The native prompt guard, run in the page's own world before any page script: while the site's
 * real notification permission is still undecided ("default"), the page is told it is "denied".
 * Push SDKs read the permission before showing their soft prompt and stay quiet; a direct
 * requestPermission() settles at once without a browser prompt. Once the user decides for real
 * (granted or denied in the browser's site settings) every call passes straight through.
 *
 * Nothing is read at install: the real permission is asked only when the page asks, inside the
 * page's own call (a synchronous permission read at document start can stall the tab for tens of
 * milliseconds under load). Same-origin child frames are guarded the moment they exist
 * (child-frames.ts). Shapes are kept (disguise.ts).
 */
import { watchChildFrames, type FramesWindow } from './child-frames.ts';
import { disguiseFor, getter, method, type Fn } from './disguise.ts';

export interface GuardWindow extends FramesWindow {
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

/** Patches `win` and its future same-origin frames; returns false where there is nothing to guard. */
export function installNotificationGuard(win: GuardWindow): boolean {
  const notification = win.Notification as Fn | undefined;
  const permissionGetter = typeof notification === 'function'
    ? Object.getOwnPropertyDescriptor(notification, 'permission')?.get : undefined;
  if (!notification || !permissionGetter) return false;
  const undecided = () => permissionGetter.call(notification) === UNDECIDED_NOTIFICATION;
  const replace = disguiseFor(win);

  replace(notification, 'permission', 'get', (original) => getter('permission', function (this: unknown) {
    const real = original.call(this);
    return real === UNDECIDED_NOTIFICATION ? 'denied' : real;
  }));

  replace(notification, 'requestPermission', 'value', (original) => method('requestPermission', function (this: unknown, ...args: unknown[]) {
    if (!undecided()) return original.apply(this, args);
    const callback = args[0];
    // The legacy callback form is still used; an exception in it surfaces as it would natively.
    if (typeof callback === 'function') win.queueMicrotask(() => callback('denied'));
    return win.Promise.resolve('denied');
  }));

  replace(win.PushManager?.prototype, 'subscribe', 'value', (original) => method('subscribe', function (this: unknown, ...args: unknown[]) {
    if (!undecided()) return original.apply(this, args);
    return win.Promise.reject(new win.DOMException('Registration failed - permission denied', 'NotAllowedError'));
  }));

  replace(win.PushManager?.prototype, 'permissionState', 'value', (original) => method('permissionState', function (this: unknown, ...args: unknown[]) {
    return undecided() ? win.Promise.resolve('denied') : original.apply(this, args);
  }));

  // Statuses handed out for notifications/push report "denied" while undecided; others are untouched.
  const guardedStatuses = new WeakSet<object>();
  replace(win.PermissionStatus?.prototype, 'state', 'get', (original) => getter('state', function (this: unknown) {
    const real = original.call(this);
    return real === UNDECIDED_PERMISSION && guardedStatuses.has(this as object) ? 'denied' : real;
  }));

  replace(win.Permissions?.prototype, 'query', 'value', (original) => method('query', function (this: unknown, ...args: unknown[]) {
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
  }));

  watchChildFrames(win, replace, (child) => {
    installNotificationGuard(child as GuardWindow);
  });
  return true;
}
