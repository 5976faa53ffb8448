// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { installNotificationGuard, type GuardWindow } from '../../src/guard/install-guard.ts';

type Decision = 'default' | 'granted' | 'denied';

/** A fresh same-origin frame (its own realm, like a real tab) with fake notification APIs. */
function frameWithFakes(initial: Decision) {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow as any; // fakes of any shape
  const state = { permission: initial as Decision, asked: 0, subscribed: 0 };
  const toPermission = (d: Decision) => (d === 'default' ? 'prompt' : d);
  class FakePermissionStatus {
    #state: string;
    constructor(s: string) { this.#state = s; }
    get state() { return this.#state; }
  }
  class FakeNotification {
    static get permission() { return state.permission; }
    static requestPermission() { state.asked += 1; return Promise.resolve(state.permission); }
  }
  class FakePermissions {
    query(descriptor: { name: string }) {
      if (!['notifications', 'push', 'geolocation'].includes(descriptor?.name)) return Promise.reject(new TypeError('bad name'));
      return Promise.resolve(new FakePermissionStatus(descriptor.name === 'geolocation' ? 'granted' : toPermission(state.permission)));
    }
  }
  class FakePushManager {
    subscribe() { state.subscribed += 1; return Promise.resolve({ endpoint: 'https://push.example/1' }); }
    permissionState() { return Promise.resolve(toPermission(state.permission)); }
  }
  Object.assign(win, { Notification: FakeNotification, Permissions: FakePermissions, PermissionStatus: FakePermissionStatus, PushManager: FakePushManager });
  return { win, state, originals: { FakeNotification, FakePermissions, FakePushManager, FakePermissionStatus } };
}

const describeAll = (obj: object) => Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(obj)).map(([k, d]) => [k, Object.keys(d).sort().join()]));

describe('native prompt guard on an undecided site', () => {
  test('reports denied through every door, without asking the browser', async () => {
    const { win, state } = frameWithFakes('default');
    expect(installNotificationGuard(win)).toBe(true);
    const N = win.Notification;
    expect(N.permission).toBe('denied');
    const legacy: string[] = [];
    await expect(N.requestPermission((p: string) => legacy.push(p))).resolves.toBe('denied');
    await Promise.resolve();
    expect(legacy).toEqual(['denied']);
    expect(state.asked).toBe(0);

    const permissions = new win.Permissions();
    expect((await permissions.query({ name: 'notifications' })).state).toBe('denied');
    expect((await permissions.query({ name: 'push', userVisibleOnly: true })).state).toBe('denied');
    expect((await permissions.query({ name: 'geolocation' })).state).toBe('granted');
    await expect(permissions.query({ name: 'nonsense' })).rejects.toThrow('bad name');
    await expect(permissions.query(null)).rejects.toThrow('bad name');

    const push = new win.PushManager();
    const error = await push.subscribe({ userVisibleOnly: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(win.DOMException);
    expect((error as DOMException).name).toBe('NotAllowedError');
    expect(state.subscribed).toBe(0);
    await expect(push.permissionState({ userVisibleOnly: true })).resolves.toBe('denied');
  });

  test('keeps shapes: accessors stay accessors, names, lengths, no prototype, not constructible', async () => {
    const { win, originals } = frameWithFakes('default');
    const before = {
      N: describeAll(originals.FakeNotification),
      PM: describeAll(originals.FakePushManager.prototype),
      P: describeAll(originals.FakePermissions.prototype),
      PS: describeAll(originals.FakePermissionStatus.prototype),
    };
    const originalFns = [
      Object.getOwnPropertyDescriptor(originals.FakeNotification, 'permission')!.get!,
      originals.FakeNotification.requestPermission,
      originals.FakePushManager.prototype.subscribe,
      originals.FakePushManager.prototype.permissionState,
      originals.FakePermissions.prototype.query,
      Object.getOwnPropertyDescriptor(originals.FakePermissionStatus.prototype, 'state')!.get!,
    ];
    installNotificationGuard(win);
    expect(describeAll(win.Notification)).toEqual(before.N);
    expect(describeAll(win.PushManager.prototype)).toEqual(before.PM);
    expect(describeAll(win.Permissions.prototype)).toEqual(before.P);
    expect(describeAll(win.PermissionStatus.prototype)).toEqual(before.PS);
    const replaced = [
      Object.getOwnPropertyDescriptor(win.Notification, 'permission')!.get!,
      win.Notification.requestPermission,
      win.PushManager.prototype.subscribe,
      win.PushManager.prototype.permissionState,
      win.Permissions.prototype.query,
      Object.getOwnPropertyDescriptor(win.PermissionStatus.prototype, 'state')!.get!,
    ];
    const toString = win.Function.prototype.toString;
    replaced.forEach((fn, i) => {
      const original = originalFns[i]!;
      expect(fn).not.toBe(original);
      expect([fn.name, fn.length]).toEqual([original.name, original.length]);
      expect(Object.hasOwn(fn, 'prototype')).toBe(false);
      expect(() => new (fn as any)()).toThrow(TypeError);
      // (String(fn) would use the test realm's toString: here the guard's code lives in another realm than the frame.)
      expect(toString.call(fn)).toBe(toString.call(original));
    });
    // The patched toString itself looks like the native one.
    expect(toString.call(toString)).toMatch(/^function toString\(\) \{\s*\[native code\]\s*\}$/);
    expect([toString.name, toString.length]).toEqual(['toString', 0]);
    expect(() => toString.call({})).toThrow(/Function/); // the native TypeError, from the frame's realm
    // No instance gets an own `state`: the status object looks untouched.
    const status = await new win.Permissions().query({ name: 'notifications' });
    expect(Object.getOwnPropertyNames(status)).toEqual([]);
  });

  test('steps aside once the user decides in the browser', async () => {
    const { win, state } = frameWithFakes('default');
    installNotificationGuard(win);
    state.permission = 'granted';
    expect(win.Notification.permission).toBe('granted');
    await expect(win.Notification.requestPermission()).resolves.toBe('granted');
    expect(state.asked).toBe(1);
    expect((await new win.Permissions().query({ name: 'notifications' })).state).toBe('granted');
    await expect(new win.PushManager().subscribe()).resolves.toEqual({ endpoint: 'https://push.example/1' });
  });
});

describe('native prompt guard leaves alone', () => {
  test.each(['granted', 'denied'] as const)('a site already %s: every call reaches the browser', async (decision) => {
    const { win, state } = frameWithFakes(decision);
    installNotificationGuard(win);
    expect(win.Notification.permission).toBe(decision);
    await expect(win.Notification.requestPermission()).resolves.toBe(decision);
    expect(state.asked).toBe(1);
    expect((await new win.Permissions().query({ name: 'notifications' })).state).toBe(decision === 'granted' ? 'granted' : 'denied');
    await expect(new win.PushManager().permissionState()).resolves.toBe(decision);
  });

  test('a window without the Notification API (insecure context, old engine)', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as unknown as GuardWindow;
    const toString = win.Function.prototype.toString;
    expect(() => installNotificationGuard(win)).not.toThrow();
    expect(installNotificationGuard(win)).toBe(false);
    expect(win.Function.prototype.toString).toBe(toString);
  });
});

describe('guard start-up cost', () => {
  // Regression: reading the permission at document start took 0.5-11 ms, sometimes over 50 ms.
  test('installing reads nothing from the browser; the permission is read only when the page reads it', () => {
    const { win } = frameWithFakes('default');
    let reads = 0;
    const real = Object.getOwnPropertyDescriptor(win.Notification, 'permission')!.get!;
    Object.defineProperty(win.Notification, 'permission', { configurable: true, get() { reads += 1; return real.call(this); } });
    installNotificationGuard(win);
    expect(reads).toBe(0);
    expect(win.Notification.permission).toBe('denied');
    expect(reads).toBe(1);
  });
});

describe('the MAIN-world entry', () => {
  test('patches the window it is loaded into, and leaves no global behind', async () => {
    const { win } = frameWithFakes('default');
    Object.assign(window, { Notification: win.Notification, PushManager: win.PushManager, Permissions: win.Permissions, PermissionStatus: win.PermissionStatus });
    const keys = new Set(Object.keys(window));
    await import('../../src/guard/main-world.ts');
    expect((window as any).Notification.permission).toBe('denied');
    expect(Object.keys(window).filter((k) => !keys.has(k))).toEqual([]);
  });
});
