// @vitest-environment jsdom
/**
 * Every way a prompt freezes the page, and who gets the blame: a lock that arrives with a prompt,
 * shortly before or after it, is lifted; one the page sets for itself later, or that came with one
 * of the page's own dialogs, is left alone. Undo puts back the very attribute text.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HIDDEN_ATTR, type LiveSuppressor } from '../../src/suppress/live-suppressor.ts';
import { isHidden, loadLiveFixture } from '../fixtures/suppress/load-fixture.ts';
import { controlled, OFF, ON, type Controlled } from './suppress-test-kit.ts';

let live: Controlled;
let suppressor: LiveSuppressor | undefined;
afterEach(() => {
  suppressor?.release();
  vi.restoreAllMocks();
});

/** An article page whose content sits in a wrapper, as most sites build them, with the page's own CSS. */
function page(css = ''): Document {
  const doc = loadLiveFixture('lookalike-article.html');
  const wrapper = doc.createElement('div');
  wrapper.id = 'site-wrapper';
  wrapper.append(...doc.body.childNodes);
  doc.body.append(wrapper);
  const style = doc.createElement('style');
  style.textContent = `.push-box { position: fixed; top: 30%; left: 30%; width: 40% } ${css}`;
  doc.head.append(style);
  live = controlled(doc);
  suppressor = live.suppressor;
  suppressor.apply(ON);
  suppressor.flush();
  return doc;
}

/** What a push script does: a box asking for notifications (bland class names), appended to <body>. */
function insertPrompt(doc: Document): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'push-box';
  box.innerHTML = '<p>Get notified about breaking news as it happens.</p><button>Later</button><button>Allow</button>';
  doc.body.append(box);
  return box;
}

const attrs = (doc: Document) => [doc.documentElement, doc.body, doc.getElementById('site-wrapper')!]
  .map((el) => [...el.attributes].filter((a) => !a.name.startsWith('data-clearread')).map((a) => `${a.name}=${a.value}`).join(' '));

describe.each([
  ['inline overflow: hidden on <body>', (d: Document) => { d.body.style.overflow = 'hidden'; }],
  ['inline overflow: hidden !important on <html>', (d: Document) => { d.documentElement.style.setProperty('overflow', 'hidden', 'important'); }],
  ['inline overflow-y: clip on <body>', (d: Document) => { d.body.style.overflowY = 'clip'; }],
  ['a lock class only the page\'s stylesheet knows', (d: Document) => { d.body.classList.add('is-frozen'); }],
  ['a well-known lock class', (d: Document) => { d.documentElement.classList.add('modal-open'); }],
  ['position: fixed with the scroll offset parked in top', (d: Document) => { d.body.setAttribute('style', 'position: fixed; top: -640px; width: 100%;'); }],
  ['touch-action: none', (d: Document) => { d.body.style.touchAction = 'none'; }],
  ['height: 100% with an overflow lock', (d: Document) => { for (const el of [d.documentElement, d.body]) el.setAttribute('style', 'height: 100%; overflow: hidden'); }],
  ['inert on the page\'s main wrapper', (d: Document) => { d.getElementById('site-wrapper')!.setAttribute('inert', ''); }],
  ['aria-hidden on the page\'s main wrapper', (d: Document) => { d.getElementById('site-wrapper')!.setAttribute('aria-hidden', 'true'); }],
])('a prompt that locks the page with %s', (_how, lock) => {
  test('is hidden, the lock is lifted, and undo puts back exactly what the page had', async () => {
    const doc = page('.is-frozen { overflow: hidden }');
    const scrollTo = vi.spyOn(doc.defaultView!, 'scrollTo').mockImplementation(() => {});
    const unlocked = attrs(doc);
    const prompt = insertPrompt(doc);
    lock(doc);
    const locked = attrs(doc);
    await live.settle();
    expect(isHidden(prompt)).toBe(true);
    expect(attrs(doc)).toEqual(unlocked);
    if (locked.join().includes('-640px')) expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 640 }));

    suppressor!.apply(OFF);
    expect(isHidden(prompt)).toBe(false);
    expect(attrs(doc)).toEqual(locked);
  });
});

describe('who gets the blame', () => {
  test('a lock set shortly before the prompt arrives (lock first, then insert) is the prompt\'s', async () => {
    const doc = page();
    doc.body.style.overflow = 'hidden';
    await live.settle();
    live.tick(900);
    insertPrompt(doc);
    await live.settle();
    expect(doc.body.style.overflow).toBe('');
  });

  test('a lock set shortly after the prompt (when its animation ends) is the prompt\'s', async () => {
    const doc = page();
    insertPrompt(doc);
    await live.settle();
    live.tick(2000);
    doc.documentElement.style.overflow = 'hidden';
    await live.settle();
    expect(doc.documentElement.style.overflow).toBe('');
  });

  test('a lock the page sets later for its own menu is left alone while the prompt sits hidden', async () => {
    const doc = page();
    const prompt = insertPrompt(doc);
    await live.settle();
    expect(isHidden(prompt)).toBe(true);
    live.tick(8000);
    doc.body.classList.add('modal-open');
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.className).toBe('modal-open');
    expect(doc.body.style.overflow).toBe('hidden');
  });

  // Regression: a sign-in box marked aria-modal that happened to be open kept the page frozen.
  test('a dialog of the page\'s own that was already open (and locks nothing) does not stop the unlock', async () => {
    const doc = page();
    const signIn = doc.createElement('div');
    signIn.setAttribute('role', 'dialog');
    signIn.setAttribute('aria-modal', 'true');
    signIn.innerHTML = '<h2>Sign in</h2><form><input type="email"><input type="password"><button>Sign in</button></form>';
    doc.body.append(signIn);
    await live.settle();
    live.tick(5000);
    insertPrompt(doc);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('');
    expect(isHidden(signIn)).toBe(false);
  });

  test('a lock that came with the page\'s own dialog stays, though a prompt is hidden nearby in time', async () => {
    const doc = page();
    insertPrompt(doc);
    await live.settle();
    live.tick(2000);
    const menu = doc.createElement('dialog');
    menu.setAttribute('open', '');
    menu.innerHTML = '<nav><a href="/a">Sections</a><a href="/b">Opinion</a></nav>';
    doc.body.append(menu);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('hidden');
  });

  test('a lock that arrives together with the page\'s own dialog and a prompt is the page\'s (a tie goes to the page)', async () => {
    const doc = page();
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.innerHTML = '<h2>Your basket</h2><p>2 items</p><button>Checkout</button>';
    doc.body.append(dialog);
    insertPrompt(doc);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('hidden');
  });

  test('a page that puts its lock straight back gets it lifted again while the prompt is fresh, then keeps it', async () => {
    const doc = page();
    insertPrompt(doc);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('');
    live.tick(500);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('');
    live.tick(10_000);
    doc.body.style.overflow = 'hidden';
    await live.settle();
    expect(doc.body.style.overflow).toBe('hidden');
  });
});

describe('re-insertion loops', () => {
  test('a page that puts its prompt back each time it is hidden costs one observer callback per time, and we never loop', async () => {
    const doc = loadLiveFixture('lookalike-article.html');
    const win = doc.defaultView! as Window & typeof globalThis;
    const Real = win.MutationObserver;
    let ours: MutationObserver | undefined;
    let callbacks = 0;
    win.MutationObserver = class extends Real {
      constructor(cb: MutationCallback) {
        super((records, observer) => { callbacks += 1; cb(records, observer); });
        ours = this;
      }
    };
    try {
      live = controlled(doc);
      suppressor = live.suppressor;
      suppressor.apply(ON);
      suppressor.flush();
      win.MutationObserver = Real;
      expect(ours).toBeDefined();
      // The page's script: whenever its box is hidden, it throws it away and inserts a fresh copy.
      const css = doc.createElement('style');
      css.textContent = '.ask { position: fixed; bottom: 0 }';
      doc.head.append(css);
      const make = () => {
        const box = doc.createElement('div');
        box.className = 'ask';
        box.innerHTML = '<p>Allow notifications for live scores?</p><button>Allow</button>';
        doc.body.append(box);
        return box;
      };
      let box = make();
      let rounds = 0;
      for (; rounds < 25; rounds++) {
        const before = callbacks;
        await live.settle();
        expect(box.getAttribute(HIDDEN_ATTR)).toBe('notificationPrompts');
        expect(callbacks - before).toBeLessThanOrEqual(1);
        box.remove();
        box = make();
      }
      await live.settle();
      // The page stops; so do we: nothing left to do, no work scheduled by our own changes.
      const after = callbacks;
      await live.settle();
      await live.settle();
      expect(callbacks).toBe(after);
      expect(isHidden(box)).toBe(true);
    } finally {
      win.MutationObserver = Real;
    }
  });
});
