/**
 * Prompts freeze the page they sit on, in many ways: `overflow: hidden`/`clip` on <html> or
 * <body> (inline, with or without !important, or through a class), `position: fixed` with the
 * scroll offset parked in `top`, `touch-action: none`, `height: 100%` with an overflow lock, or
 * `inert`/`aria-hidden` on the page's main wrapper. Once the prompt is hidden the page would stay
 * frozen, so the lock is lifted, but only where the prompt can be blamed for it:
 *
 * - by time: the lock arrived with the prompt, shortly after it, or shortly before it (a script
 *   that locks first and then inserts), and not together with one of the page's own dialogs
 *   (a dialog claims a lock only when they arrive together; a tie goes to the page);
 * - a page dialog that was already open does not stop the unlock, and a lock the page sets later
 *   (its menu, its own dialog, the reader) is left alone;
 * - a vendor's own lock class is lifted whenever that vendor's prompt is around.
 *
 * Every change is recorded, per prompt, so undo puts back exactly what the page had set.
 */

export type Clock = () => number;

/** How far a lock may arrive before (a script that locks, then inserts) or after (an animation) its prompt. */
export const BLAME_BEFORE_MS = 1500;
export const BLAME_AFTER_MS = 2500;
/** A page's own dialog and its lock arrive together (the same task, or the next frame). */
export const PAGE_CLAIM_MS = 100;

const LOCKED_OVERFLOW = /^(hidden|clip)$/;
const OVERFLOW = ['overflow', 'overflow-x', 'overflow-y'];
/** Set together with `position: fixed` by a lock that keeps the reader's place. */
const FIXED_COMPANIONS = ['top', 'left', 'right', 'bottom', 'width', 'height', 'inset'];
/** Class names that lock and mean nothing else; any other class counts only if removing it frees the page. */
const KNOWN_LOCK_CLASS = /^(?:modal-open|no-?scroll|noscroll|overflow-hidden|scroll-?lock(?:ed)?|lock-?scroll|is-locked|stop-?scrolling|disable-?scroll|prevent-?scroll|ab-pause-scrolling|has-modal|modal-active|popup-open|overlay-open)$/i;

interface Change {
  t: number;
  el: Element;
  attr: string;
  before: string | null;
  after: string | null;
}

type Item =
  | { el: HTMLElement; type: 'class'; name: string }
  | { el: HTMLElement; type: 'style'; name: string; value: string; priority: string }
  | { el: Element; type: 'attr'; name: string; value: string };

interface Taken {
  item: Item;
  attr: string;
  before: string | null;
  after: string | null;
}

interface Arrival {
  t: number;
  owner: object | null; // null: one of the page's own dialogs
  vendorClasses?: ReadonlySet<string>;
  isConnected(): boolean;
}

const styleMap = (text: string | null, el: Element): Map<string, { value: string; priority: string }> => {
  const probe = el.ownerDocument.createElement('div').style;
  probe.cssText = text ?? '';
  const out = new Map<string, { value: string; priority: string }>();
  for (let i = 0; i < probe.length; i++) {
    const name = probe.item(i);
    out.set(name, { value: probe.getPropertyValue(name), priority: probe.getPropertyPriority(name) });
  }
  // Shorthands come back as longhands; keep the shorthand too, so `overflow` is taken as one.
  for (const name of ['overflow', 'inset']) if (probe.getPropertyValue(name)) out.set(name, { value: probe.getPropertyValue(name), priority: probe.getPropertyPriority(name) });
  return out;
};

/** The lock items one attribute change brought in. */
function lockItems(change: Change): Item[] {
  const el = change.el as HTMLElement;
  if (change.attr === 'class') {
    const before = new Set((change.before ?? '').split(/\s+/).filter(Boolean));
    return (change.after ?? '').split(/\s+/).filter((c) => c && !before.has(c)).map((name) => ({ el, type: 'class', name }));
  }
  if (change.attr === 'style') {
    const before = styleMap(change.before, el);
    const after = styleMap(change.after, el);
    const changed = (name: string) => after.has(name) && (before.get(name)?.value !== after.get(name)!.value || before.get(name)?.priority !== after.get(name)!.priority);
    const fixed = after.get('position')?.value === 'fixed';
    const overflowLocked = OVERFLOW.some((n) => LOCKED_OVERFLOW.test(after.get(n)?.value ?? ''));
    const names = new Set<string>();
    const overflowNames = OVERFLOW.filter((n) => changed(n) && LOCKED_OVERFLOW.test(after.get(n)!.value));
    // `overflow` is a shorthand: taking it takes its longhands with it.
    for (const n of overflowNames.includes('overflow') ? ['overflow'] : overflowNames) names.add(n);
    if (fixed && changed('position')) {
      names.add('position');
      for (const n of FIXED_COMPANIONS) if (after.has(n) && (changed(n) || !before.has(n))) names.add(n);
    }
    if (overflowLocked && changed('height') && /^100(%|vh|dvh|svh)$/.test(after.get('height')!.value)) names.add('height');
    if (changed('touch-action') && after.get('touch-action')!.value === 'none') names.add('touch-action');
    // `inset` and its longhands: keep whichever form the page wrote.
    if (names.has('inset')) for (const n of ['top', 'left', 'right', 'bottom']) names.delete(n);
    return [...names].map((name) => ({ el, type: 'style', name, value: after.get(name)!.value, priority: after.get(name)!.priority }));
  }
  if (change.attr === 'inert' && change.after !== null && change.before === null) return [{ el, type: 'attr', name: 'inert', value: change.after }];
  if (change.attr === 'aria-hidden' && change.after === 'true' && change.before !== 'true') return [{ el, type: 'attr', name: 'aria-hidden', value: 'true' }];
  return [];
}

function present(item: Item): boolean {
  if (item.type === 'class') return item.el.classList.contains(item.name);
  if (item.type === 'style') return item.el.style.getPropertyValue(item.name) === item.value;
  return item.el.getAttribute(item.name) === item.value;
}

export interface ScrollLocks {
  /** An attribute of <html>, <body> or the page's main wrapper changed from `before` to `after` at `t`. */
  noteChange(el: Element, attr: string, before: string | null, after: string | null, t: number): void;
  /**
   * What <html> and <body> carried at the first look at the parsed page (`t`) counts as arriving
   * then; `state` is that look's record (default: what they carry now).
   */
  noteInitialState(t: number, state?: PageAttributes): void;
  /** A blocking prompt (or, with owner null, a dialog of the page's own) appeared at `t`. */
  arrived(arrival: Arrival): void;
  /** Whether a change noted at `t` could still be blamed on a prompt (one arrived recently, or a vendor's is around). */
  wants(t: number): boolean;
  /** Lifts every lock blamed on a prompt; returns whether anything was lifted. */
  settle(now: number): boolean;
  /** Puts back what was taken for `owner` (or for every prompt) where the page has not changed it since. */
  restore(owner?: object): void;
  /** Drops what is remembered for prompts that are gone, without putting anything back. */
  forget(owner?: object): void;
}

export interface HtmlAtStart {
  class: string | null;
  style: string | null;
}

/** The class and style of <html> and <body> at one moment. */
export interface PageAttributes {
  html: HtmlAtStart;
  body: HtmlAtStart | null;
}

export const pageAttributesNow = (doc: Document): PageAttributes => ({
  html: { class: doc.documentElement?.getAttribute('class') ?? null, style: doc.documentElement?.getAttribute('style') ?? null },
  body: doc.body ? { class: doc.body.getAttribute('class'), style: doc.body.getAttribute('style') } : null,
});

/** What <html> carried when the content script started (before any page script could change it). */
export const htmlAttributesNow = (doc: Document): HtmlAtStart | undefined => doc.documentElement
  ? { class: doc.documentElement.getAttribute('class'), style: doc.documentElement.getAttribute('style') } : undefined;

export function createScrollLocks(doc: Document, htmlAtStart = htmlAttributesNow(doc)): ScrollLocks {
  const win = doc.defaultView!;
  let changes: Change[] = [];
  const arrivals: Arrival[] = [];
  const taken = new Map<object, Taken[]>();

  /** Whether <html>/<body> stop the page scrolling right now (a forced style read; only while deciding). */
  const lockedNow = () => [doc.documentElement, doc.body].some((el) => {
    if (!el) return false;
    const s = win.getComputedStyle(el);
    const y = s.overflowY;
    const shorthand = s.overflow.trim().split(/\s+/).pop() ?? '';
    return LOCKED_OVERFLOW.test(y) || LOCKED_OVERFLOW.test(shorthand) || (el === doc.body && s.position === 'fixed');
  });

  const take = (owner: object, item: Item): void => {
    const attr = item.type === 'class' ? 'class' : item.type === 'style' ? 'style' : item.name;
    const before = item.el.getAttribute(attr);
    let scrollTo = 0;
    if (item.type === 'class') item.el.classList.remove(item.name);
    else if (item.type === 'style') {
      if (item.name === 'position' || item.name === 'top' || item.name === 'inset') {
        const top = /^-(\d+(?:\.\d+)?)px/.exec(item.el.style.getPropertyValue('top').trim());
        if (top && item.el.style.getPropertyValue('position') === 'fixed') scrollTo = Number(top[1]);
      }
      item.el.style.removeProperty(item.name);
    } else item.el.removeAttribute(item.name);
    // Taking the last class or declaration leaves the attribute as the page had it before: absent.
    if (attr !== item.name && item.el.getAttribute(attr)?.trim() === '') item.el.removeAttribute(attr);
    const list = taken.get(owner) ?? [];
    list.push({ item, attr, before, after: item.el.getAttribute(attr) });
    taken.set(owner, list);
    // The page sat at its top while fixed; the reader was where the lock parked it.
    if (scrollTo) win.scrollTo({ left: win.scrollX, top: scrollTo, behavior: 'instant' });
  };

  const putBack = ({ item, attr, before, after }: Taken): void => {
    if (item.el.getAttribute(attr) === after) {
      if (before === null) item.el.removeAttribute(attr);
      else item.el.setAttribute(attr, before);
    } else if (!present(item)) {
      if (item.type === 'class') item.el.classList.add(item.name);
      else if (item.type === 'style') item.el.style.setProperty(item.name, item.value, item.priority);
      else item.el.setAttribute(item.name, item.value);
    }
  };

  /**
   * Who a lock that arrived at `t` belongs to: a dialog of the page's that arrived with it, else
   * the nearest prompt within the blame window, else nobody.
   */
  const blame = (t: number): Arrival | undefined => {
    let best: Arrival | undefined;
    let bestGap = Infinity;
    for (const a of arrivals) {
      const gap = Math.abs(t - a.t);
      if (a.owner === null) {
        if (gap <= PAGE_CLAIM_MS) return a;
        continue;
      }
      if (t < a.t - BLAME_BEFORE_MS || t > a.t + BLAME_AFTER_MS) continue;
      if (gap < bestGap) {
        best = a;
        bestGap = gap;
      }
    }
    return best;
  };

  return {
    noteChange(el, attr, before, after, t) {
      changes.push({ t, el, attr, before, after });
    },
    noteInitialState(t, state = pageAttributesNow(doc)) {
      for (const [el, seen] of [[doc.documentElement, state.html], [doc.body, state.body]] as const) {
        if (!el || !seen) continue;
        for (const attr of ['class', 'style'] as const) {
          const before = el === doc.documentElement ? htmlAtStart?.[attr] ?? null : null;
          if (seen[attr] !== before) changes.push({ t, el, attr, before, after: seen[attr] });
        }
      }
    },
    arrived(arrival) {
      arrivals.push(arrival);
    },
    wants(t) {
      return arrivals.some((a) => a.owner && (t <= a.t + BLAME_AFTER_MS || (a.vendorClasses?.size && a.isConnected())));
    },
    settle(now) {
      // Each change is judged once: for a prompt, for the page, or (while a prompt may still
      // arrive after it) not yet. Judged and stale changes are dropped, so the list stays short.
      const horizon = now - BLAME_AFTER_MS - BLAME_BEFORE_MS;
      let lifted = false;
      const classTrials: { owner: object; item: Item }[] = [];
      const waiting: Change[] = [];
      for (const change of changes) {
        const culprit = blame(change.t);
        if (!culprit?.owner) {
          // A prompt arriving soon after may still be nearer than the page's dialog.
          if (now - change.t < BLAME_BEFORE_MS) waiting.push(change);
          continue;
        }
        if (!culprit.isConnected()) continue;
        for (const item of lockItems(change)) {
          if (!present(item)) continue;
          if (item.type === 'class' && !KNOWN_LOCK_CLASS.test(item.name)) classTrials.push({ owner: culprit.owner, item });
          else {
            take(culprit.owner, item);
            lifted = true;
          }
        }
      }
      // A vendor's own lock classes, whenever its prompt is still in the page.
      for (const a of arrivals) {
        if (!a.owner || !a.vendorClasses?.size || !a.isConnected()) continue;
        for (const el of [doc.documentElement, doc.body]) {
          for (const name of [...(el?.classList ?? [])]) {
            if (a.vendorClasses.has(name)) {
              take(a.owner, { el: el as HTMLElement, type: 'class', name });
              lifted = true;
            }
          }
        }
      }
      // Unknown classes: a class is a lock if taking it away frees the page.
      if (classTrials.length && lockedNow()) {
        for (const { owner, item } of classTrials) {
          if (!present(item)) continue;
          item.el.classList.remove(item.name);
          const freed = !lockedNow();
          item.el.classList.add(item.name);
          if (freed) {
            take(owner, item);
            lifted = true;
          }
          if (freed && !lockedNow()) break;
        }
      }
      changes = waiting;
      for (let i = arrivals.length - 1; i >= 0; i--) if (!arrivals[i]!.isConnected() && arrivals[i]!.t < horizon) arrivals.splice(i, 1);
      return lifted;
    },
    restore(owner) {
      for (const key of owner ? [owner] : [...taken.keys()]) {
        for (const t of (taken.get(key) ?? []).reverse()) putBack(t);
        taken.delete(key);
      }
    },
    forget(owner) {
      if (owner) taken.delete(owner);
      else taken.clear();
    },
  };
}
