// @vitest-environment jsdom
/**
 * Prompt shapes the plain "fixed box added to the page" path misses: prompts inside open shadow
 * roots, prompts shipped in the page and shown later by a class, and scroll locks that fix the
 * body in place.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HIDDEN_ATTR, type LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { isHidden, loadLiveFixture, shownElements } from '../fixtures/suppress/load-fixture.ts';
import { controlled, OFF, ON, type Controlled } from './suppress-test-kit.ts';

let suppressor: LiveSuppressor | undefined;
let live: Controlled;
afterEach(() => {
  suppressor?.release();
  vi.restoreAllMocks();
});
const flush = () => live.settle();
function start(doc: Document, env = {}) {
  live = controlled(doc, undefined, env);
  suppressor = live.suppressor;
  suppressor.apply(ON);
  suppressor.flush();
}

/** A host whose open shadow root is a copy of the fixture's template `id`. */
function shadowHost(doc: Document, tag: string, id: string): HTMLElement {
  const host = doc.createElement(tag);
  host.attachShadow({ mode: 'open' }).append((doc.getElementById(id) as HTMLTemplateElement).content.cloneNode(true));
  return host;
}

describe('prompts inside open shadow roots', () => {
  test('a host added later whose shadow root is a floating prompt is hidden and counted; its look-alikes stay', async () => {
    const doc = loadLiveFixture('live/shadow-prompts.html');
    const legit = shownElements(doc);
    start(doc);
    const inner = shadowHost(doc, 'news-push', 'inner-fixed');
    const outer = shadowHost(doc, 'push-ask', 'host-fixed');
    const lookalikes = ['settings', 'app', 'toast'].map((id) => shadowHost(doc, 'site-widget', id));
    // Hosts arrive inside a wrapper, as apps mount them: the scan must reach below the added node.
    const mount = doc.createElement('div');
    mount.append(inner, outer, ...lookalikes);
    doc.body.append(mount);
    await flush();
    expect([inner, outer].map(isHidden)).toEqual([true, true]);
    expect(lookalikes.map(isHidden)).toEqual([false, false, false]);
    expect(legit.filter(isHidden)).toEqual([]);
    expect(suppressor!.receipt().notificationPrompts).toBe(2);

    suppressor!.apply(OFF);
    expect([inner, outer].some(isHidden)).toBe(false);
  });

  test('hosts already in the page are found by the first scan; the shadow root itself is never touched', () => {
    const doc = loadLiveFixture('live/shadow-prompts.html');
    const host = shadowHost(doc, 'news-push', 'inner-fixed');
    doc.body.append(host);
    const before = host.shadowRoot!.innerHTML;
    start(doc);
    expect(host.getAttribute(HIDDEN_ATTR)).toBe('notificationPrompts');
    expect(host.shadowRoot!.innerHTML).toBe(before);
  });
});

describe('prompts shown later by a class', () => {
  test('a shipped prompt that a class on itself makes fixed is hidden, with the lock it brings', async () => {
    const doc = loadLiveFixture('live/class-shown-prompts.html');
    start(doc);
    const prompt = doc.querySelector('.push-prompt')!;
    expect(prompt.hasAttribute(HIDDEN_ATTR)).toBe(false); // not floating yet: nothing to hide
    prompt.classList.add('is-visible');
    doc.body.style.overflow = 'hidden';
    await flush();
    expect(prompt.getAttribute(HIDDEN_ATTR)).toBe('notificationPrompts');
    expect(isHidden(prompt)).toBe(true);
    expect(doc.body.style.overflow).toBe('');
    expect(suppressor!.receipt().notificationPrompts).toBe(1);
  });

  test('a class on <body> that makes a shipped prompt fixed is noticed too', async () => {
    const doc = loadLiveFixture('live/class-shown-prompts.html');
    start(doc);
    doc.body.classList.add('alerts-ask-open');
    await flush();
    expect(isHidden(doc.querySelector('.alerts-ask')!)).toBe(true);
  });

  test('class changes that do not make a box float hide nothing; a box already on screen keeps its place', async () => {
    const doc = loadLiveFixture('live/class-shown-prompts.html');
    start(doc);
    doc.querySelector('.settings-card')!.classList.add('is-active');
    doc.querySelector('.site-header')!.classList.add('is-stuck');
    doc.body.classList.add('scrolled');
    await flush();
    for (const el of doc.querySelectorAll('[data-expect="visible"]')) expect(isHidden(el), el.outerHTML.slice(0, 60)).toBe(false);
    expect(suppressor!.receipt().notificationPrompts).toBe(0);
  });

  test('only boxes that read as a prompt are watched, so the page\'s other class changes cost nothing', async () => {
    const doc = loadLiveFixture('live/class-shown-prompts.html');
    const win = doc.defaultView!;
    start(doc);
    const styles = vi.spyOn(win, 'getComputedStyle');
    for (let i = 0; i < 20; i += 1) doc.querySelector('article h1')!.classList.toggle('highlight');
    doc.querySelector('.site-header')!.setAttribute('style', 'color: red');
    await flush();
    expect(styles).not.toHaveBeenCalled();
  });
});

describe('scroll locks that fix the body in place', () => {
  test('are lifted and the reader put back where the lock parked them; undo restores the style exactly', () => {
    const doc = loadLiveFixture('live/fixed-scroll-lock.html');
    const style = doc.body.getAttribute('style');
    const scrollTo = vi.spyOn(doc.defaultView!, 'scrollTo').mockImplementation(() => {});
    start(doc);
    expect(isHidden(doc.querySelector('.soft-ask')!)).toBe(true);
    expect(doc.body.getAttribute('style')).toBe('color: black;');
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 640 }));

    suppressor!.apply(OFF);
    expect(doc.body.getAttribute('style')).toBe(style);
    expect(doc.body.className).toBe('article-page');
  });

  test('a fixed body with no prompt to blame is the page\'s own and stays', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const scrollTo = vi.spyOn(doc.defaultView!, 'scrollTo').mockImplementation(() => {});
    start(doc);
    doc.body.setAttribute('style', 'position: fixed; top: -300px; width: 100%;');
    await flush();
    expect(doc.body.style.position).toBe('fixed');
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
