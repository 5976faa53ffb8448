// @vitest-environment jsdom
/**
 * The always-on gate: it only notes what arrives, and loads the engine only when something
 * prompt-like or share-like appeared; what it saw before (arrival times, scroll locks) is handed
 * over, so the engine acts as if it had watched from the start.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLiveGate, type LiveGate } from '../../src/suppress/live-gate.ts';
import * as engine from '../../src/suppress/live-suppressor.ts';
import { isHidden, loadLiveFixture } from '../fixtures/suppress/load-fixture.ts';
import { ON } from './suppress-test-kit.ts';

let gate: LiveGate | undefined;
afterEach(() => gate?.stop());

function start(doc: Document) {
  let t = 10_000;
  const idle: (() => void)[] = [];
  const load = vi.fn(async () => engine);
  gate = createLiveGate(doc, {
    load,
    now: () => t,
    idle: (work) => { idle.push(() => work({ timeRemaining: () => 50 })); },
    later: () => {},
  });
  return {
    gate,
    load,
    tick: (ms: number) => { t += ms; },
    /** Lets observers deliver, then runs idle work (the gate's, then the engine's) until none is left. */
    async settle() {
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 0));
        while (idle.length) idle.shift()!();
      }
    },
  };
}

describe('the always-on gate', () => {
  test('a page with nothing prompt-like or share-like never loads the engine, however much it changes', async () => {
    const doc = loadLiveFixture('lookalike-login.html');
    doc.querySelector('[role="dialog"]')!.remove(); // a page without dialogs
    const g = start(doc);
    g.gate.apply(ON);
    await g.settle();
    for (let i = 0; i < 50; i++) {
      const p = doc.createElement('p');
      p.textContent = `Comment ${i}: I agree with the council.`;
      doc.querySelector('article')!.append(p);
    }
    await g.settle();
    expect(g.load).not.toHaveBeenCalled();
    expect(g.gate.engaged).toBe(false);
  });

  // Regression: a page with 12 MB of text stalled the tab for 10 s in Chromium: every arrival's
  // whole text was run through the notification lexicon.
  test('long runs of article text are not searched for prompt words: a huge paragraph that mentions alerts does not engage the engine', async () => {
    const doc = loadLiveFixture('lookalike-login.html');
    doc.querySelector('[role="dialog"]')!.remove();
    const g = start(doc);
    g.gate.apply(ON);
    await g.settle();
    const p = doc.createElement('p');
    p.textContent = 'Weather alerts and push notifications are how the city reached residents. '.repeat(40_000);
    doc.querySelector('article')!.append(p);
    await g.settle();
    expect(g.load).not.toHaveBeenCalled();
    // A short line that names notifications still does.
    const ask = doc.createElement('div');
    ask.textContent = 'Allow notifications?';
    doc.body.append(ask);
    await g.settle();
    expect(g.load).toHaveBeenCalled();
  });

  test('a late prompt loads the engine; the prompt is hidden and the lock that came with it (before the engine existed) is lifted', async () => {
    const doc = loadLiveFixture('lookalike-login.html');
    doc.querySelector('[role="dialog"]')!.remove();
    doc.body.removeAttribute('class');
    doc.body.removeAttribute('style');
    const css = doc.createElement('style');
    css.textContent = '.ask { position: fixed; top: 20%; left: 30% }';
    doc.head.append(css);
    const g = start(doc);
    g.gate.apply(ON);
    await g.settle();
    g.tick(3000);
    const box = doc.createElement('div');
    box.className = 'ask';
    box.innerHTML = '<p>Get notified when someone replies?</p><button>Allow</button><button>Later</button>';
    doc.body.append(box);
    doc.body.style.overflow = 'hidden';
    // The engine takes a while to load; the page's clock moves on meanwhile.
    g.tick(400);
    await g.settle();
    expect(g.load).toHaveBeenCalledTimes(1);
    expect(isHidden(box)).toBe(true);
    expect(doc.body.getAttribute('style')).toBe(null);
  });

  test('settings that arrive late change nothing about when things arrived', async () => {
    const doc = loadLiveFixture('lookalike-login.html');
    doc.querySelector('[role="dialog"]')!.remove();
    doc.body.removeAttribute('class');
    doc.body.removeAttribute('style');
    const g = start(doc);
    await g.settle();
    g.tick(2000);
    const box = doc.createElement('div');
    box.setAttribute('style', 'position: fixed; bottom: 0');
    box.innerHTML = '<p>Allow notifications for live scores?</p><button>Allow</button>';
    doc.body.append(box);
    doc.documentElement.style.overflow = 'hidden';
    await g.settle();
    g.tick(5000);
    g.gate.apply(ON);
    await g.settle();
    expect(isHidden(box)).toBe(true);
    expect(doc.documentElement.getAttribute('style')).toBe(null);
  });

  test('the receipt loads the engine and counts what the stylesheet hid', async () => {
    const doc = loadLiveFixture('addtoany.html');
    const g = start(doc);
    g.gate.apply({ notificationPrompts: true, shareButtons: false });
    await g.settle();
    expect(g.load).not.toHaveBeenCalled();
    g.gate.apply(ON);
    const entries = await g.gate.entries();
    expect(entries.map((e) => e.rule)).toEqual(['addtoany', 'addtoany']);
    expect(entries[1]!.where).toBe('pinned to the left side of the window');
  });
});
