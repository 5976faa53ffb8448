// @vitest-environment jsdom
/** The focus line works from the keyboard: Alt+ArrowDown/Up move it a line, then scroll the text. */
import { beforeEach, describe, expect, test, vi } from 'vitest';
/** jsdom cannot make trusted events: the user's input here is what `press` and `point` dispatch. */
const { userEvents } = vi.hoisted(() => ({ userEvents: new WeakSet<Event>() }));
vi.mock('../../src/reader/trusted.ts', () => ({ isTrusted: (event: Event) => userEvents.has(event) }));
const { FOCUS_LINE_START, readerAids } = await import('../../src/reader/reader-aids.ts');
type ReaderAids = ReturnType<typeof readerAids>;

const LINE = 30;
const HEIGHT = 600;

let host: HTMLElement;
let scroller: HTMLElement;
let aids: ReaderAids;
let scrolled: number[];

beforeEach(() => {
  document.body.replaceChildren();
  host = document.createElement('div');
  host.setAttribute('data-focus-line', 'on');
  scroller = document.createElement('div');
  scroller.style.lineHeight = `${LINE}px`;
  scroller.tabIndex = -1;
  Object.defineProperty(scroller, 'clientHeight', { value: HEIGHT });
  scrolled = [];
  scroller.scrollBy = ((options: ScrollToOptions) => void scrolled.push(options.top ?? 0)) as typeof scroller.scrollBy;
  host.append(scroller);
  document.body.append(host);
  // The toolbar covers the text down to 50px.
  aids = readerAids(document, host, scroller, 'Reading progress', () => 50);
  scroller.append(aids.progress, aids.focusLine);
});

const press = (key: string, init: KeyboardEventInit = { altKey: true }, byUser = true) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  if (byUser) userEvents.add(event);
  scroller.dispatchEvent(event);
  return event;
};
const point = (clientY: number, byUser = true) => {
  const event = Object.assign(new Event('pointermove'), { clientY });
  if (byUser) userEvents.add(event);
  scroller.dispatchEvent(event);
};
const focusY = () => parseFloat(host.style.getPropertyValue('--focus-y'));

describe('focus line from the keyboard', () => {
  test('Alt+ArrowDown and Alt+ArrowUp move the line one line from its reading height', () => {
    const down = press('ArrowDown');
    expect(down.defaultPrevented).toBe(true);
    expect(focusY()).toBe(HEIGHT * FOCUS_LINE_START + LINE);
    press('ArrowDown');
    press('ArrowUp');
    expect(focusY()).toBe(HEIGHT * FOCUS_LINE_START + LINE);
    expect(scrolled).toEqual([]);
  });

  test('it continues from where the pointer left it', () => {
    point(300);
    press('ArrowUp');
    expect(focusY()).toBe(270);
  });

  test('keys and pointer moves the page makes up (untrusted) move nothing', () => {
    point(300, false);
    expect(press('ArrowDown', { altKey: true }, false).defaultPrevented).toBe(false);
    expect(host.style.getPropertyValue('--focus-y')).toBe('');
  });

  test('at the bottom it stays put and the text scrolls a line instead; at the top, back up', () => {
    for (let i = 0; i < 20; i++) press('ArrowDown');
    expect(focusY()).toBe(HEIGHT - LINE / 2);
    expect(scrolled.length).toBeGreaterThan(0);
    expect(scrolled.every((d) => d === LINE)).toBe(true);
    scrolled = [];
    for (let i = 0; i < 30; i++) press('ArrowUp');
    // Never under the toolbar (its bottom edge is at 50px).
    expect(focusY()).toBe(50 + LINE / 2);
    expect(scrolled.every((d) => d === -LINE) && scrolled.length > 0).toBe(true);
  });

  test('plain arrows scroll as usual, and nothing happens while the line is off or after destroy', () => {
    expect(press('ArrowDown', {}).defaultPrevented).toBe(false);
    expect(press('ArrowDown', { altKey: true, ctrlKey: true }).defaultPrevented).toBe(false);
    host.setAttribute('data-focus-line', 'off');
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    host.setAttribute('data-focus-line', 'on');
    aids.destroy();
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    expect(host.style.getPropertyValue('--focus-y')).toBe('');
  });
});
