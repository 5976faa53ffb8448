/**
 * Same-origin child frames guarded the moment they exist. The browser runs the registered guard
 * in blank frames, but not in the short-lived blank document an `<iframe srcdoc>` starts with
 * (nor in one whose scripts are off): a page that inserts such a frame and reads it in the same
 * task would get a pristine API. So every way a page reaches a new frame's window is covered:
 * `contentWindow`/`contentDocument` reads, and `frames[i]` / `window[i]` right after any DOM
 * insertion (checked through the window's frame count, one native read per insertion call).
 */
import { getter, method, setter, type Fn, type Replace } from './disguise.ts';

export interface FramesWindow {
  Node?: { prototype: object };
  Element?: { prototype: object };
  CharacterData?: { prototype: object };
  Document?: { prototype: object };
  ShadowRoot?: { prototype: object };
  Range?: { prototype: object };
  HTMLIFrameElement?: { prototype: object };
  HTMLFrameElement?: { prototype: object };
  HTMLObjectElement?: { prototype: object };
}

const INSERTING_METHODS: ReadonlyArray<[owner: keyof FramesWindow, names: string[]]> = [
  ['Node', ['appendChild', 'insertBefore', 'replaceChild']],
  ['Element', ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren', 'insertAdjacentElement', 'insertAdjacentHTML', 'setHTMLUnsafe']],
  ['CharacterData', ['before', 'after', 'replaceWith']],
  ['Document', ['append', 'prepend', 'replaceChildren', 'write', 'writeln']],
  ['ShadowRoot', ['setHTMLUnsafe']],
  ['Range', ['insertNode', 'surroundContents']],
];
const INSERTING_SETTERS: ReadonlyArray<[owner: keyof FramesWindow, names: string[]]> = [
  ['Element', ['innerHTML', 'outerHTML']],
  ['ShadowRoot', ['innerHTML']],
];
const FRAME_ELEMENTS: ReadonlyArray<keyof FramesWindow> = ['HTMLIFrameElement', 'HTMLFrameElement', 'HTMLObjectElement'];

/**
 * Calls `onChild` once for each child window of `win` that appears, synchronously, before the
 * page's next statement can touch it. `onChild` must tolerate cross-origin windows (it is called
 * inside a try).
 */
export function watchChildFrames(win: FramesWindow, replace: Replace, onChild: (child: object) => void): void {
  const seen = new WeakSet<object>();
  const visit = (child: unknown) => {
    if ((typeof child !== 'object' && typeof child !== 'function') || child === null || seen.has(child)) return;
    seen.add(child);
    try {
      onChild(child);
    } catch {
      // Cross-origin frames are out of reach, and out of the page's reach too.
    }
  };
  // Captured now: a page cannot later shadow `length` to hide a new frame from us.
  const lengthGetter = Object.getOwnPropertyDescriptor(win, 'length')?.get as ((this: unknown) => number) | undefined;
  const frameCount = () => (lengthGetter ? lengthGetter.call(win) : (win as { length?: number }).length ?? 0);
  const frames = win as Record<number, unknown>;
  let known = frameCount();
  let last = known ? frames[known - 1] : undefined;
  // The count changes when a frame is added; the last frame changes when one replaces another.
  const afterInsert = () => {
    const count = frameCount();
    if (count === known && (count === 0 || frames[count - 1] === last)) return;
    known = count;
    last = count ? frames[count - 1] : undefined;
    for (let i = 0; i < count; i++) visit(frames[i]);
  };

  for (const [owner, names] of INSERTING_METHODS) {
    for (const name of names) {
      replace(win[owner]?.prototype, name, 'value', (original: Fn) => method(name, function (this: unknown, ...args: unknown[]) {
        try {
          return original.apply(this, args);
        } finally {
          afterInsert();
        }
      }));
    }
  }
  for (const [owner, names] of INSERTING_SETTERS) {
    for (const name of names) {
      replace(win[owner]?.prototype, name, 'set', (original: Fn) => setter(name, function (this: unknown, value: unknown) {
        try {
          original.call(this, value);
        } finally {
          afterInsert();
        }
      }));
    }
  }
  for (const owner of FRAME_ELEMENTS) {
    replace(win[owner]?.prototype, 'contentWindow', 'get', (original: Fn) => getter('contentWindow', function (this: unknown) {
      const child = original.call(this);
      visit(child);
      return child;
    }));
    replace(win[owner]?.prototype, 'contentDocument', 'get', (original: Fn) => getter('contentDocument', function (this: unknown) {
      const doc = original.call(this) as { defaultView?: unknown } | null;
      if (doc) visit(doc.defaultView);
      return doc;
    }));
  }
}
