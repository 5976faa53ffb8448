// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { watchChildFrames } from '../../src/guard/child-frames.ts';
import { disguiseFor } from '../../src/guard/disguise.ts';

/** A fresh realm (a blank frame) whose own DOM methods get watched, like a real page's. */
function watchedRealm() {
  const host = document.createElement('iframe');
  document.body.append(host);
  const win = host.contentWindow as any;
  const seen: unknown[] = [];
  const before = {
    appendChild: win.Node.prototype.appendChild,
    innerHTML: Object.getOwnPropertyDescriptor(win.Element.prototype, 'innerHTML')!.set!,
    contentWindow: Object.getOwnPropertyDescriptor(win.HTMLIFrameElement.prototype, 'contentWindow')!.get!,
  };
  watchChildFrames(win, disguiseFor(win), (child) => seen.push(child));
  return { win, doc: win.document as Document, seen, before };
}

describe('child frames are handed over the moment they exist', () => {
  // Regression: an <iframe srcdoc> read in the same task reported "default" (its first, blank document got no guard).
  test('appended by appendChild, then read through frames[i] in the same task', () => {
    const { win, doc, seen } = watchedRealm();
    const frame = doc.createElement('iframe');
    frame.setAttribute('srcdoc', '<p>hi</p>');
    doc.body.appendChild(frame);
    expect(seen).toEqual([win[0]]);
  });

  test('created by innerHTML, append, insertAdjacentHTML and document.write', () => {
    const { win, doc, seen } = watchedRealm();
    const box = doc.createElement('div');
    doc.body.append(box);
    box.innerHTML = '<iframe></iframe>';
    expect(seen).toHaveLength(1);
    box.append(doc.createElement('iframe'));
    expect(seen).toHaveLength(2);
    box.insertAdjacentHTML('beforeend', '<iframe></iframe>');
    expect(seen).toHaveLength(3);
    expect(seen).toEqual([win[0], win[1], win[2]]);
  });

  test('a frame replacing another (the count stays the same) is still seen', () => {
    const { doc, seen } = watchedRealm();
    const first = doc.createElement('iframe');
    doc.body.append(first);
    const second = doc.createElement('iframe');
    doc.body.replaceChild(second, first);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(second.contentWindow);
  });

  test('read through contentWindow or contentDocument, once per window', () => {
    const { doc, seen } = watchedRealm();
    const frame = doc.createElement('iframe');
    doc.body.append(frame);
    const child = frame.contentWindow;
    expect(frame.contentDocument!.defaultView).toBe(child);
    expect(seen).toEqual([child]);
  });

  test('insertions without frames cost one frame-count read and call nothing', () => {
    const { doc, seen } = watchedRealm();
    for (let i = 0; i < 100; i++) doc.body.append(doc.createElement('p'));
    expect(seen).toEqual([]);
  });

  test('the page sees native shapes, and its own errors unchanged', () => {
    const { win, doc, before } = watchedRealm();
    const toString = win.Function.prototype.toString;
    const now = {
      appendChild: win.Node.prototype.appendChild,
      innerHTML: Object.getOwnPropertyDescriptor(win.Element.prototype, 'innerHTML')!.set!,
      contentWindow: Object.getOwnPropertyDescriptor(win.HTMLIFrameElement.prototype, 'contentWindow')!.get!,
    };
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      expect(now[key]).not.toBe(before[key]);
      expect([now[key].name, now[key].length]).toEqual([before[key].name, before[key].length]);
      expect(toString.call(now[key])).toBe(toString.call(before[key]));
      expect(Object.hasOwn(now[key], 'prototype')).toBe(false);
    }
    expect(() => doc.body.appendChild(null as unknown as Node)).toThrow(win.TypeError);
  });
});
