/**
 * Hides clutter on the live page, in three layers:
 *
 * 1. The vendor stylesheet (vendor-css.ts), applied by the browser before the page paints: known
 *    prompts and share widgets never show, whenever they arrive, at no script cost.
 * 2. One MutationObserver whose callback only notes what arrived (and changes to <html>/<body>
 *    that may be scroll locks); the real look happens in idle time, in bounded batches, and only
 *    where something prompt-like or share-like appeared.
 * 3. The finders (prompt-finder.ts, share-bars.ts) for clutter without a vendor name; what they
 *    find is marked with an attribute the same stylesheet hides.
 *
 * Every hide first passes the content check (content-guard.ts); modal dialogs are closed
 * (top-layer.ts); elements a page keeps on screen with its own `!important` get a user
 * stylesheet; scroll locks a prompt can be blamed for are lifted (scroll-lock.ts). Everything is
 * recorded per hidden element, so each can be brought back alone, and switching a kind off
 * gives the page back exactly what it had.
 */
import { SUPPRESSION_KINDS } from '../settings/site-entries.ts';
import type { SuppressionChoices, SuppressionKind } from '../settings/schema.ts';
import { contentInside } from './content-guard.ts';
import { looksLikeNotificationPrompt, PromptFinder, shadowHostCandidates, shownText } from './prompt-finder.ts';
import { mentionsNotifications } from './notify-words.ts';
import { countEntries, describeLabel, describePlace, type HiddenEntry, type SuppressionReceipt } from './receipt.ts';
import { EMBEDDED_CONTENT, RULES, type SuppressionRule } from './rules.ts';
import { createScrollLocks, type HtmlAtStart, type PageAttributes, type ScrollLocks } from './scroll-lock.ts';
import { findShareBars } from './share-bars.ts';
import { closeDialogs, reopenDialogs, type Closed } from './top-layer.ts';
import { HIDDEN_ATTR, KEEP_ATTR, OFF_ATTR } from './vendor-css.ts';

export { HIDDEN_ATTR, KEEP_ATTR, OFF_ATTR } from './vendor-css.ts';

export interface IdleDeadline {
  timeRemaining(): number;
}

export interface SuppressorEnv {
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** Runs `work` when the page is idle (bounded wait). */
  idle?: (work: (deadline: IdleDeadline) => void) => void;
  /** Runs `work` after `ms` (used to back off from pages that never stop changing). */
  later?: (work: () => void, ms: number) => void;
  /** The shadow root of a host, closed ones included where the browser lets an extension read them. */
  shadowOf?: (el: Element) => ShadowRoot | null;
  /** Installs FORCE_CSS as a user stylesheet in this frame; false where the browser cannot. */
  forceStyle?: () => Promise<boolean>;
}

/** A change to an attribute that may be a scroll lock, as an observer saw it. */
export interface AttributeChange {
  el: Element;
  attr: string;
  before: string | null;
  t: number;
}

/** What the always-on gate (live-gate.ts) saw before it loaded this engine, handed over as it loads. */
export interface GateState {
  choices: SuppressionChoices;
  /** When the gate first looked at the parsed page: everything there then arrived at that time. */
  startedAt: number;
  htmlAtStart: HtmlAtStart | undefined;
  /** <html> and <body> as they were at that first look; later changes are in `changes`. */
  atFirstLook: PageAttributes;
  /** Roots that arrived, not yet looked at, with their arrival times. */
  pending: Map<Node, number>;
  changes: AttributeChange[];
}

export interface InspectedHide {
  rule: string;
  kind: SuppressionKind;
  /** Hidden by the vendor stylesheet alone (no mark of ours). */
  byStylesheet: boolean;
  text: string;
  /** Dates and bylines inside, as markup says (a <time>, an author link). */
  dateOrByline: number;
}

export interface LiveSuppressor {
  apply(choices: SuppressionChoices): void;
  /** What is hidden now, one entry per thing (a vendor's container and its dialog are one). */
  entries(): HiddenEntry[];
  receipt(): SuppressionReceipt;
  /** Brings back one hidden thing (and the scroll lock it had set); it stays back. */
  restore(id: number): boolean;
  /** Everything hidden, nested ones included, with its full text: for the real-page benchmark. */
  inspect(): InspectedHide[];
  /** Does now whatever is waiting for idle time (status requests, tests). */
  flush(): void;
  /** Looks at the whole page again now (what arrived where no observer could see it). */
  rescan(): void;
  /** Switches everything off and gives the page back what it had. */
  release(): void;
  /** Stops watching without touching the page (an orphaned script handing over to its successor). */
  stop(): void;
}

interface Hidden {
  id: number;
  el: Element;
  kind: SuppressionKind;
  rule: SuppressionRule;
  /** Whether we set HIDDEN_ATTR (heuristics, read-first vendors) or the vendor stylesheet hides it alone. */
  marked: boolean;
  backdrops: Element[];
  closed: Closed[];
  /** The style attribute before and after we forced `display: none` inline (when no user sheet could be had). */
  inline?: { before: string | null; after: string | null };
}

const NONE: SuppressionChoices = { notificationPrompts: false, shareButtons: false };
/** Prompts kept in place until a class shows them; bounded so a page full of such wording stays cheap. */
const MAX_DORMANT = 32;
/** Beyond this many waiting roots, one look at the whole page is cheaper than many small ones. */
const MAX_PENDING = 400;
/** Work per idle batch, and per second before backing off. */
const BATCH_MS = 8;
const BUSY_MS_PER_SECOND = 25;
const BACK_OFF_MS = 1000;
const PAGE_DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const HEURISTIC_PROMPT = RULES.find((r) => r.heuristic === 'notification-dialog')!;
const HEURISTIC_SHARE = RULES.find((r) => r.heuristic === 'share-link-cluster')!;

const defaultIdle = (work: (d: IdleDeadline) => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 150 });
  else setTimeout(() => work({ timeRemaining: () => BATCH_MS }), 16);
};

/** Whether `el` is where scroll locks go: <html>, <body>, a child of <body>, or a wrapper of the main content. */
export function lockTarget(doc: Document, el: Element): boolean {
  return el === doc.documentElement || el === doc.body || el.parentElement === doc.body || !!el.querySelector?.('main, [role="main"], article');
}

/** The lock-relevant change a mutation record describes, if any. */
export function lockChange(doc: Document, record: MutationRecord, t: number): AttributeChange | undefined {
  const el = record.target as Element;
  const attr = record.attributeName;
  if (record.type !== 'attributes' || !attr) return undefined;
  const onPage = el === doc.documentElement || el === doc.body;
  if ((attr === 'class' || attr === 'style') && onPage) return { el, attr, before: record.oldValue, t };
  if ((attr === 'inert' || attr === 'aria-hidden') && lockTarget(doc, el)) return { el, attr, before: record.oldValue, t };
  return undefined;
}

const LOCK_ATTRS = ['class', 'style'];

/** What the observer watches: arrivals everywhere, dialogs opening, and the attributes scroll locks use. */
export function observeDocument(doc: Document, observer: MutationObserver): void {
  observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'inert', 'aria-hidden'], attributeOldValue: true });
  if (doc.documentElement) observer.observe(doc.documentElement, { attributes: true, attributeFilter: LOCK_ATTRS, attributeOldValue: true });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: LOCK_ATTRS, attributeOldValue: true });
}

/**
 * Each change's value right after it: the next change of the same attribute says what it replaced;
 * the last one's is what the element carries now.
 */
function withAfter(changes: readonly AttributeChange[]) {
  return changes.map((c, i) => {
    const next = changes.slice(i + 1).find((n) => n.el === c.el && n.attr === c.attr);
    return { ...c, after: next ? next.before : c.el.getAttribute(c.attr) };
  });
}

export function createLiveSuppressor(doc: Document, rules: readonly SuppressionRule[] = RULES, env: SuppressorEnv = {}, from?: GateState): LiveSuppressor {
  const win = doc.defaultView!;
  const now = env.now ?? (() => win.performance.now());
  const idle = env.idle ?? defaultIdle;
  const later = env.later ?? ((work, ms) => void win.setTimeout(work, ms));
  const shadowOf = env.shadowOf ?? ((el: Element) => el.shadowRoot);
  const finder = new PromptFinder({ win, shadowOf });
  const locks: ScrollLocks = createScrollLocks(doc, from ? from.htmlAtStart : undefined);
  const pageHost = win.location?.hostname ?? '';

  let choices: SuppressionChoices = NONE;
  let started = false;
  let stopped = false;
  let observer: MutationObserver | undefined;
  let nextId = 1;
  const hidden = new Map<Element, Hidden>();
  const dormant = new Set<Element>();
  const pending = new Map<Node, number>();
  let scheduled = false;
  /** A change to <html>/<body> arrived that a recent prompt may be to blame for. */
  let locksDirty = false;
  let busy = { since: 0, spent: 0, runs: 0 };
  let forced: Promise<boolean> | undefined;

  // One joined selector per kind (and per read-first vendors), so a look costs a few queries however many rules.
  let vendorGroups: { kind: SuppressionKind; selector: string; rules: SuppressionRule[] }[] = [];
  const prepare = () => {
    vendorGroups = [];
    for (const kind of SUPPRESSION_KINDS) {
      if (!choices[kind]) continue;
      const list = rules.filter((r) => r.kind === kind && r.selectors?.length);
      if (list.length) vendorGroups.push({ kind, selector: list.flatMap((r) => r.selectors!).join(','), rules: list });
    }
  };
  const heuristicOn = (rule: SuppressionRule) => choices[rule.kind] && rules.includes(rule);

  const insideHidden = (node: Node, kind?: SuppressionKind) => {
    for (let a: Node | null = node; a; a = a.parentNode ?? (a.nodeType === 11 ? (a as ShadowRoot).host : null)) {
      const h = hidden.get(a as Element);
      if (h && (!kind || h.kind === kind)) return true;
    }
    return false;
  };
  /** Found to be content, or brought back by the user (then its inside and outside too): never hidden again. */
  const BY_USER = `[${KEEP_ATTR}="user"]`;
  const kept = (el: Element) => el.hasAttribute(KEEP_ATTR) || !!el.closest(BY_USER) || !!el.querySelector(BY_USER);
  const holdsHidden = (el: Element, kind: SuppressionKind) => {
    for (const h of hidden.values()) if (h.kind === kind && el.contains(h.el)) return true;
    return false;
  };

  /** Hides `el` for `rule` (it may already be hidden by the stylesheet) and records how, for undo. */
  function hide(el: Element, rule: SuppressionRule, arrivedAt: number, mark: boolean, backdrops: Element[] = []): void {
    if (hidden.has(el)) return;
    const h: Hidden = { id: nextId++, el, kind: rule.kind, rule, marked: mark, backdrops, closed: [] };
    hidden.set(el, h);
    if (mark) el.setAttribute(HIDDEN_ATTR, rule.kind);
    for (const b of backdrops) b.setAttribute(HIDDEN_ATTR, rule.kind);
    h.closed = closeDialogs(el);
    if (win.getComputedStyle(el).display !== 'none') force(h);
    if (rule.kind === 'notificationPrompts' && (rule.heuristic || rule.blocks || rule.scrollLockClasses || h.closed.some((c) => c.modal) || backdrops.length)) {
      locks.arrived({ t: arrivedAt, owner: h, vendorClasses: new Set(rule.scrollLockClasses ?? []), isConnected: () => el.isConnected });
    }
  }

  /**
   * The page keeps `el` on screen with its own `!important` (inline, or a more specific rule): a
   * user stylesheet outranks both. Where none can be had, `display: none !important` goes inline.
   */
  function force(h: Hidden): void {
    if (!h.marked) {
      h.el.setAttribute(HIDDEN_ATTR, h.kind);
      h.marked = true;
    }
    const inline = () => {
      if (h.inline || !hidden.has(h.el) || win.getComputedStyle(h.el).display === 'none') return;
      const before = h.el.getAttribute('style');
      (h.el as HTMLElement).style?.setProperty('display', 'none', 'important');
      h.inline = { before, after: h.el.getAttribute('style') };
    };
    if (!env.forceStyle) return inline();
    forced ??= env.forceStyle().catch(() => false);
    void forced.then((ok) => {
      if (!ok) inline();
    });
  }

  function unhide(h: Hidden, keep: boolean): void {
    hidden.delete(h.el);
    if (keep) h.el.setAttribute(KEEP_ATTR, 'user');
    if (h.marked) h.el.removeAttribute(HIDDEN_ATTR);
    for (const b of h.backdrops) b.removeAttribute(HIDDEN_ATTR);
    if (h.inline && h.el.getAttribute('style') === h.inline.after) {
      if (h.inline.before === null) h.el.removeAttribute('style');
      else h.el.setAttribute('style', h.inline.before);
    }
    reopenDialogs(h.closed);
    if (h.kind === 'notificationPrompts') locks.restore(h);
  }

  // -- looking at what arrived ---------------------------------------------------------------

  function lookAtVendors(root: Node, t: number): void {
    const container = root as ParentNode;
    for (const group of vendorGroups) {
      const hits = [...container.querySelectorAll(group.selector)];
      if (root.nodeType === 1 && (root as Element).matches(group.selector)) hits.push(root as Element);
      for (const hit of hits) {
        if (hidden.has(hit) || kept(hit) || hit.closest(EMBEDDED_CONTENT)) continue;
        const rule = group.rules.find((r) => hit.matches(r.selectors!.join(',')))!;
        if (rule.onlyIfAsking) {
          if (looksLikeNotificationPrompt(hit)) hide(hit, rule, t, true);
          continue;
        }
        // The stylesheet already refused what it can see is content; this is the finer look.
        if (contentInside(hit, group.kind === 'shareButtons' ? 'share' : 'prompt')) {
          hit.setAttribute(KEEP_ATTR, 'content');
          continue;
        }
        hide(hit, rule, t, false);
      }
    }
  }

  function lookAtPrompts(root: Node, t: number): void {
    if (!heuristicOn(HEURISTIC_PROMPT)) return;
    const rule = HEURISTIC_PROMPT;
    const el = root.nodeType === 1 ? (root as Element) : null;
    if (mentionsNotifications(root)) {
      const waiting = new Set<Element>();
      for (const hit of finder.find(root, waiting)) {
        if (kept(hit) || insideHidden(hit, rule.kind) || holdsHidden(hit, rule.kind)) continue;
        hide(hit, rule, t, true, finder.backdropsOf(hit));
      }
      for (const w of waiting) watchDormant(w);
    }
    // Shadow roots: changes inside them reach no observer of ours, so hosts are looked into when they arrive.
    for (const host of shadowHostCandidates(root)) {
      if (!shadowOf(host) || hidden.has(host) || kept(host) || insideHidden(host, rule.kind)) continue;
      if (finder.isShadowPrompt(host)) hide(host, rule, t, true);
    }
    // A dialog of the page's own, so that a lock that came with it is never blamed on a prompt.
    const dialogs = [...(el?.matches(PAGE_DIALOG) ? [el] : []), ...(root as ParentNode).querySelectorAll(PAGE_DIALOG)];
    for (const d of dialogs) {
      if (insideHidden(d) || !shown(d)) continue;
      locks.arrived({ t, owner: null, isConnected: () => d.isConnected });
    }
  }

  function lookAtShare(root: Node, t: number): void {
    if (!heuristicOn(HEURISTIC_SHARE)) return;
    const rule = HEURISTIC_SHARE;
    const container = root as ParentNode;
    if (!container.querySelector?.('a[href], button, [role="button"], amp-social-share') && !(root.nodeType === 1 && (root as Element).matches('a[href], button'))) return;
    for (const bar of findShareBars(container, pageHost)) {
      // A bar may hold buttons the stylesheet already hid (a fixed dock of AMP buttons): left alone,
      // it would stay on screen as an empty strip. It is hidden whole; the buttons become part of its entry.
      if (kept(bar) || insideHidden(bar, rule.kind)) continue;
      hide(bar, rule, t, true);
    }
    for (const host of shadowHostCandidates(root)) {
      const shadow = shadowOf(host);
      if (!shadow || hidden.has(host) || kept(host) || insideHidden(host, rule.kind)) continue;
      // A host whose shadow root is a share bar and holds nothing else.
      if (findShareBars(shadow, pageHost).length && !contentInside(shadow, 'share') && !shownText(host)) hide(host, rule, t, true);
    }
  }

  const shown = (el: Element) => {
    const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
    if (check) return check.call(el);
    for (let a: Element | null = el; a; a = a.parentElement) if (win.getComputedStyle(a).display === 'none') return false;
    return true;
  };

  function look(root: Node, t: number): void {
    if (!root.isConnected || insideHidden(root)) return;
    lookAtVendors(root, t);
    lookAtPrompts(root, t);
    lookAtShare(root, t);
  }

  // -- scheduling ----------------------------------------------------------------------------

  function run(deadline: IdleDeadline): void {
    scheduled = false;
    if (stopped || !started) return;
    const start = now();
    if (start - busy.since > 1000) busy = { since: start, spent: 0, runs: 0 };
    busy.runs += 1;
    finder.reset();
    try {
      for (const [root, t] of pending) {
        pending.delete(root);
        look(root, t);
        const spent = now() - start;
        if (pending.size && (spent > BATCH_MS || deadline.timeRemaining() < 1)) break;
      }
      locksDirty = false;
      if (choices.notificationPrompts) locks.settle(now());
    } finally {
      // Everything still queued now is what we just did ourselves (unlocking, closing dialogs).
      observer?.takeRecords();
      busy.spent += now() - start;
      if (pending.size || locksDirty) schedule();
    }
  }

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    // A page that never stops changing (not one long first look) gets looked at once a second.
    if (busy.runs >= 4 && busy.spent > BUSY_MS_PER_SECOND && now() - busy.since < 1000) later(() => idle(run), BACK_OFF_MS);
    else idle(run);
  }

  function queue(node: Node, t: number): void {
    if (pending.size >= MAX_PENDING && !pending.has(doc)) {
      pending.clear();
      pending.set(doc, t);
    } else if (!pending.has(node) && !pending.has(doc)) {
      pending.set(node, t);
    }
    schedule();
  }

  function watchDormant(el: Element): void {
    if (!observer || dormant.has(el) || hidden.has(el) || dormant.size >= MAX_DORMANT) return;
    dormant.add(el);
    observer.observe(el, { attributes: true, attributeFilter: LOCK_ATTRS, subtree: true });
  }

  function noteLock(t: number): void {
    if (!choices.notificationPrompts || !locks.wants(t)) return;
    locksDirty = true;
    schedule();
  }

  function noteChanges(changes: readonly AttributeChange[]): void {
    if (!changes.length) return;
    for (const c of withAfter(changes)) locks.noteChange(c.el, c.attr, c.before, c.after, c.t);
    noteLock(changes[changes.length - 1]!.t);
  }

  function onMutations(records: MutationRecord[]): void {
    const t = now();
    watchBody();
    let pageClass = false;
    const changes: AttributeChange[] = [];
    for (const record of records) {
      const target = record.target as Element;
      if (record.type === 'attributes') {
        const name = record.attributeName!;
        const change = lockChange(doc, record, t);
        if (change) {
          changes.push(change);
          pageClass ||= name === 'class';
        } else if (name === 'open') {
          queue(target, t);
        } else {
          for (let a: Element | null = target; a; a = a.parentElement) if (dormant.has(a)) { queue(a, t); break; }
        }
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) queue(node, t);
        else if (node.nodeType === 3 && node.parentElement && node.parentElement !== doc.body) queue(node.parentElement, t);
      }
    }
    noteChanges(changes);
    // A class on <html>/<body> can be what shows a waiting prompt (`.show-push .push-prompt`).
    if (pageClass) for (const el of dormant) queue(el, t);
  }

  let watchedBody: HTMLElement | null = null;
  function watchBody(): void {
    if (observer && doc.body && watchedBody !== doc.body) {
      watchedBody = doc.body;
      observeDocument(doc, observer);
    }
  }

  const onToggle = (event: Event) => {
    if ((event as Event & { newState?: string }).newState === 'open' && event.target instanceof win.Element) queue(event.target, now());
  };

  function start(): void {
    if (started || stopped) return;
    started = true;
    observer = new win.MutationObserver(onMutations);
    observeDocument(doc, observer);
    watchBody();
    // Popovers open without any change to the DOM; their toggle event is the only sign.
    doc.addEventListener('toggle', onToggle, true);
    if (from) {
      locks.noteInitialState(from.startedAt, from.atFirstLook);
      noteChanges(from.changes);
      for (const [root, t] of from.pending) queue(root, t);
      return;
    }
    const t = now();
    locks.noteInitialState(t);
    queue(doc, t);
  }

  function setOffAttribute(): void {
    const off = SUPPRESSION_KINDS.filter((k) => !choices[k]);
    const html = doc.documentElement;
    if (!html) return;
    if (off.length) html.setAttribute(OFF_ATTR, off.join(' '));
    else html.removeAttribute(OFF_ATTR);
  }

  function turnOff(kind: SuppressionKind): void {
    for (const h of [...hidden.values()]) if (h.kind === kind) unhide(h, false);
    if (kind === 'notificationPrompts') dormant.clear();
  }

  const entries = (): HiddenEntry[] => {
    const out: HiddenEntry[] = [];
    for (const h of hidden.values()) {
      if (!h.el.isConnected) continue;
      let nested = false;
      for (let p = h.el.parentElement; p && !nested; p = p.parentElement) nested = hidden.get(p)?.kind === h.kind;
      if (nested) continue;
      out.push({
        id: h.id, kind: h.kind, rule: h.rule.id, vendor: h.rule.vendor,
        where: describePlace(h.el, win), label: describeLabel(h.el, shownText(shadowOf(h.el) ?? h.el, 200)),
      });
    }
    return out;
  };

  if (from) {
    choices = { ...from.choices };
    prepare();
    start();
  }

  return {
    apply(next) {
      if (stopped) return;
      const previous = choices;
      choices = { ...next };
      setOffAttribute();
      for (const kind of SUPPRESSION_KINDS) if (previous[kind] && !choices[kind]) turnOff(kind);
      prepare();
      const anyOn = SUPPRESSION_KINDS.some((k) => choices[k]);
      if (!anyOn) return;
      if (!started) {
        if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
        else start();
      } else if (SUPPRESSION_KINDS.some((k) => choices[k] && !previous[k])) {
        queue(doc, now());
      }
    },
    entries() {
      this.rescan();
      return entries();
    },
    receipt() {
      return countEntries(this.entries());
    },
    restore(id) {
      for (const h of hidden.values()) {
        if (h.id !== id) continue;
        unhide(h, true);
        // What was hidden inside it is part of the same entry (a dock's buttons, a vendor's dialog): it comes back too.
        for (const inner of [...hidden.values()]) if (inner.kind === h.kind && h.el.contains(inner.el)) unhide(inner, true);
        observer?.takeRecords();
        return true;
      }
      return false;
    },
    inspect() {
      this.rescan();
      const marks = 'time, [datetime], [itemprop~="datePublished"], [itemprop~="author"], [rel~="author"], a[href*="/author/" i], [class*="byline" i]';
      return [...hidden.values()].filter((h) => h.el.isConnected).map((h) => ({
        rule: h.rule.id, kind: h.kind, byStylesheet: !h.marked,
        text: shownText(shadowOf(h.el) ?? h.el, 50_000),
        dateOrByline: (h.el.matches(marks) ? 1 : 0) + h.el.querySelectorAll(marks).length,
      }));
    },
    flush() {
      if (!started || stopped) return;
      const forever = { timeRemaining: () => Infinity };
      do run(forever); while (pending.size || locksDirty);
    },
    rescan() {
      if (!started || stopped) return;
      pending.set(doc, now());
      this.flush();
    },
    release() {
      this.apply(NONE);
      observer?.disconnect();
      observer = undefined;
      doc.removeEventListener('toggle', onToggle, true);
      started = false;
      pending.clear();
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      observer = undefined;
      doc.removeEventListener('toggle', onToggle, true);
      pending.clear();
    },
  };
}
