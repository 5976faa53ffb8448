/**
 * Prompts often stop the page scrolling (a class or `overflow: hidden` on <html>/<body>, or
 * `position: fixed; top: -<scroll>px` on <body>, which also keeps the reader's place). Once the
 * prompt is hidden the page would stay frozen, so the lock is lifted (and the place scrolled back
 * to); everything taken away is recorded, so switching suppression off puts back exactly what the
 * prompt had set.
 */

interface Taken {
  el: HTMLElement;
  classes: string[];
  styles: { prop: string; value: string; priority: string }[];
  /** The style attribute before and after the unlock, to put back the very same text when untouched since. */
  before: string | null;
  after: string | null;
  classBefore: string | null;
  classAfter: string | null;
}

const OVERFLOW_PROPS = ['overflow', 'overflow-x', 'overflow-y'];
const LOCKED = /^(hidden|clip)$/;
/** What a fixed-position lock sets; taken only while `position` is `fixed`. */
const FIXED_LOCK_PROPS = ['position', 'top', 'left', 'right', 'width'];
const lockedStyles = (el: HTMLElement) => [
  ...OVERFLOW_PROPS.filter((prop) => LOCKED.test(el.style.getPropertyValue(prop))),
  ...(el.style.getPropertyValue('position') === 'fixed' ? FIXED_LOCK_PROPS.filter((prop) => el.style.getPropertyValue(prop)) : []),
];
/** The page's scroll offset that a fixed-position lock parked in `top` (0 when none). */
const parkedScroll = (el: HTMLElement) => {
  const top = /^-(\d+(?:\.\d+)?)px$/.exec(el.style.getPropertyValue('top').trim());
  return el.style.getPropertyValue('position') === 'fixed' && top ? Number(top[1]) : 0;
};
/** A dialog the page itself shows keeps its lock: the page wants it modal. */
const PAGE_MODAL = 'dialog[open], [aria-modal="true"]';

export interface ScrollUnlocker {
  /**
   * Lifts locks on <html>/<body> now (the given classes, and inline `overflow: hidden` when
   * `inline`), unless a dialog of the page's own is showing.
   */
  unlock(lockClasses: ReadonlySet<string>, inline: boolean): void;
  /**
   * Puts back what was taken (where the page has not since changed it) when the prompt that
   * locked is still there and about to show again; otherwise just forgets it.
   */
  restore(putBack: boolean): void;
}

export function createScrollUnlocker(doc: Document): ScrollUnlocker {
  let taken: Taken[] = [];
  const shown = (el: Element) => {
    for (let a: Element | null = el; a; a = a.parentElement) if (doc.defaultView?.getComputedStyle(a).display === 'none') return false;
    return true;
  };
  // Prompts we hid are display:none, so whatever modal is still shown belongs to the page.
  const pageModalShowing = () => [...doc.querySelectorAll(PAGE_MODAL)]
    .some((el) => shown(el) && doc.defaultView?.getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"]'));
  return {
    unlock(lockClasses, inline) {
      // Cheap checks first: this runs after every batch of page changes while a prompt is around.
      const locks = [doc.documentElement, doc.body].flatMap((el) => {
        if (!el) return [];
        const classes = [...el.classList].filter((c) => lockClasses.has(c));
        const styles = (inline ? lockedStyles(el) : [])
          .map((prop) => ({ prop, value: el.style.getPropertyValue(prop), priority: el.style.getPropertyPriority(prop) }));
        return classes.length || styles.length ? [{ el, classes, styles }] : [];
      });
      if (!locks.length || pageModalShowing()) return;
      let scrollTo = 0;
      for (const { el, classes, styles } of locks) {
        scrollTo = Math.max(scrollTo, parkedScroll(el));
        const [before, classBefore] = [el.getAttribute('style'), el.getAttribute('class')];
        el.classList.remove(...classes);
        for (const s of styles) el.style.removeProperty(s.prop);
        const [after, classAfter] = [el.getAttribute('style'), el.getAttribute('class')];
        // `overflow` is a shorthand: putting it back restores the longhands recorded with it.
        const own = styles.filter((s) => !s.prop.startsWith('overflow-') || !styles.some((o) => o.prop === 'overflow'));
        taken.push({ el, classes, before, after, classBefore, classAfter, styles: own });
      }
      // The page is at its top while fixed; the reader was where the lock parked it.
      if (scrollTo) doc.defaultView?.scrollTo({ left: doc.defaultView.scrollX, top: scrollTo, behavior: 'instant' });
    },
    restore(putBack) {
      if (putBack) for (const { el, classes, styles, before, after, classBefore, classAfter } of taken.reverse()) {
        if (classes.length && el.getAttribute('class') === classAfter && classBefore !== null) el.setAttribute('class', classBefore);
        else el.classList.add(...classes);
        if (styles.length && el.getAttribute('style') === after) {
          if (before === null) el.removeAttribute('style');
          else el.setAttribute('style', before);
        } else {
          for (const s of styles) if (!el.style.getPropertyValue(s.prop)) el.style.setProperty(s.prop, s.value, s.priority);
        }
      }
      taken = [];
    },
  };
}
