/**
 * Hides clutter on the live page. Vendor rules are one stylesheet, so a known prompt is hidden
 * the moment a script inserts it; the heuristics mark what they recognise with an attribute the
 * same stylesheet hides. One MutationObserver looks only at what was added (and at the class and
 * style of <html>, <body> and of prompts still waiting to be shown). Switching a kind off
 * removes its rules and marks and puts scroll locks back: the page gets back what it had.
 */
import { SUPPRESSION_KINDS, type SuppressionChoices, type SuppressionKind } from '../settings/schema.ts';
import { backdropsOf, findNotificationPrompts, findShareClusters, isShadowPrompt, looksLikeNotificationPrompt, shadowHosts } from './heuristics.ts';
import { emptyReceipt, type SuppressionReceipt } from './receipt.ts';
import { RULES, type SuppressionRule } from './rules.ts';
import { createScrollUnlocker } from './scroll-lock.ts';

export const STYLE_ATTR = 'data-clearread-suppress';
/** Set on elements a heuristic hid; its value is the kind. */
export const HIDDEN_ATTR = 'data-clearread-hidden';

export interface LiveSuppressor {
  apply(choices: SuppressionChoices): void;
  receipt(): SuppressionReceipt;
  release(): void;
}

const NONE: SuppressionChoices = { notificationPrompts: false, shareButtons: false };
/** Prompts kept in place until a class shows them; bounded so a page full of such wording stays cheap. */
const MAX_DORMANT = 32;
const LOOK_ATTRS = ['class', 'style'];

export function createLiveSuppressor(doc: Document, rules: readonly SuppressionRule[] = RULES): LiveSuppressor {
  const win = doc.defaultView!;
  let choices: SuppressionChoices = NONE;
  let style: HTMLStyleElement | undefined;
  let observer: MutationObserver | undefined;
  // Everything hidden per kind while it was on, including prompts their script later removed.
  const seen: Record<SuppressionKind, Set<Element>> = { notificationPrompts: new Set(), shareButtons: new Set() };
  let active: SuppressionRule[] = [];

  // Scroll locks are lifted only where a prompt can be blamed for them: a bell or inline widget
  // never locks, and a lock the page sets later for itself (its menu, the reader) is not ours to
  // lift. So: prompts that block (site-made dialogs, vendors known to lock) are tracked, and a
  // lock counts as theirs when it is there in the same batch of changes that brought the prompt,
  // or is the blocking vendor's own lock class.
  const unlocker = createScrollUnlocker(doc);
  const blocking = new Set<Element>();
  let newlyBlocking = false;
  let allLockClasses = new Set<string>();
  let vendorLockClasses = new Set<string>();
  // Boxes that read as a prompt but do not float yet: the observer also watches their class and
  // style (and theirs alone), since adding a class is how many sites show a prompt they shipped.
  const dormant = new Set<Element>();

  const hide = (el: Element, kind: SuppressionKind, counts = true) => {
    if (!el.hasAttribute(HIDDEN_ATTR)) el.setAttribute(HIDDEN_ATTR, kind);
    if (counts) seen[kind].add(el);
  };
  const block = (el: Element) => {
    if (!blocking.has(el)) newlyBlocking = true;
    blocking.add(el);
  };
  const overlapsSeen = (el: Element, kind: SuppressionKind) => {
    for (let a: Element | null = el; a; a = a.parentElement) if (seen[kind].has(a)) return true;
    return [...seen[kind]].some((s) => el.contains(s));
  };

  // One joined selector per kind (and one for vendors that must also read as a request), so a
  // scan costs a few querySelectorAll calls however many rules there are.
  let vendorSelectors: { kind: SuppressionKind; selector: string; onlyIfAsking: boolean; locks: boolean }[] = [];
  let heuristics: SuppressionRule[] = [];

  function scan(root: Node): void {
    const el = root.nodeType === 1 ? (root as Element) : undefined;
    const container = root.nodeType === 9 ? (root as Document) : el;
    for (const { kind, selector, onlyIfAsking, locks } of vendorSelectors) {
      if (!container) break;
      const hits = [...container.querySelectorAll(selector)];
      if (el?.matches(selector)) hits.push(el);
      for (const hit of hits) {
        if (onlyIfAsking && !looksLikeNotificationPrompt(hit)) continue;
        if (onlyIfAsking) hide(hit, kind);
        else seen[kind].add(hit);
        if (locks) block(hit);
      }
    }
    for (const rule of heuristics) {
      if (rule.heuristic === 'notification-dialog') {
        const waiting = new Set<Element>();
        for (const hit of findNotificationPrompts(root, win, waiting)) {
          // A vendor's prompt already handled above is not a second, site-made one.
          if (overlapsSeen(hit, rule.kind)) continue;
          hide(hit, rule.kind);
          block(hit);
          for (const backdrop of backdropsOf(hit, win)) hide(backdrop, rule.kind, false);
        }
        // Looked into once, when the host arrives: changes inside a shadow root reach no observer of ours.
        for (const host of shadowHosts(root)) {
          if (overlapsSeen(host, rule.kind) || !isShadowPrompt(host, win)) continue;
          hide(host, rule.kind);
          block(host);
        }
        for (const el of waiting) watchDormant(el);
      }
      if (rule.heuristic === 'share-link-cluster' && container) for (const hit of findShareClusters(container)) hide(hit, rule.kind);
    }
  }

  function prepare(): void {
    vendorSelectors = [];
    for (const kind of SUPPRESSION_KINDS) {
      for (const onlyIfAsking of [false, true]) {
        for (const locks of [false, true]) {
          const selectors = active.filter((r) => r.kind === kind && !!r.onlyIfAsking === onlyIfAsking && !!r.scrollLockClasses === locks)
            .flatMap((r) => r.selectors ?? []);
          if (selectors.length) vendorSelectors.push({ kind, selector: selectors.join(','), onlyIfAsking, locks });
        }
      }
    }
    heuristics = active.filter((r) => r.heuristic);
    const notify = active.filter((r) => r.kind === 'notificationPrompts');
    allLockClasses = new Set(notify.flatMap((r) => r.scrollLockClasses ?? []));
    vendorLockClasses = new Set(notify.filter((r) => r.selectors).flatMap((r) => r.scrollLockClasses ?? []));
  }

  /** After a scan: lifts the locks that the prompts found can be blamed for. */
  function unlockIfPrompted(): void {
    const fresh = newlyBlocking;
    newlyBlocking = false;
    if (!choices.notificationPrompts) return;
    if (fresh) unlocker.unlock(allLockClasses, true);
    else if ([...blocking].some((e) => e.isConnected)) unlocker.unlock(vendorLockClasses, false);
  }

  function watchDormant(el: Element): void {
    if (!observer || dormant.has(el) || el.hasAttribute(HIDDEN_ATTR) || dormant.size >= MAX_DORMANT) return;
    dormant.add(el);
    observer.observe(el, { attributes: true, attributeFilter: LOOK_ATTRS, subtree: true });
  }

  function onMutations(records: MutationRecord[]): void {
    // While the parser is still adding the page, the stylesheet does the work; the whole page is
    // scanned once at DOMContentLoaded instead of node by node.
    if (doc.readyState === 'loading') return;
    watchBody();
    const roots = new Set<Node>();
    let pageClass = false;
    for (const record of records) {
      if (record.type === 'attributes') {
        const target = record.target as Element;
        if (target === doc.documentElement || target === doc.body) pageClass ||= record.attributeName === 'class';
        else for (let a: Element | null = target; a; a = a.parentElement) if (dormant.has(a)) { roots.add(a); break; }
        continue;
      }
      for (const node of record.addedNodes) {
        if (node === style || (node.nodeType !== 1 && node.nodeType !== 3) || !node.isConnected) continue;
        let covered = false;
        for (let p = node.parentNode; p && !covered; p = p.parentNode) covered = roots.has(p);
        if (!covered) roots.add(node);
      }
    }
    // A class on <html>/<body> can be what shows a waiting prompt (`.show-push .push-prompt`).
    if (pageClass) for (const el of dormant) roots.add(el);
    for (const root of roots) if (root.isConnected) scan(root);
    for (const el of dormant) if (!el.isConnected || el.hasAttribute(HIDDEN_ATTR)) dormant.delete(el);
    unlockIfPrompted();
  }

  let watchedBody: HTMLElement | null = null;
  function watchBody(): void {
    // <html> and <body> for attributes: that is where scroll locks go (and classes that show prompts).
    if (observer && doc.body && watchedBody !== doc.body) {
      watchedBody = doc.body;
      observer.observe(doc.body, { attributes: true, attributeFilter: LOOK_ATTRS });
    }
  }

  function observe(): void {
    if (observer) return;
    dormant.clear();
    observer = new win.MutationObserver(onMutations);
    observer.observe(doc, { childList: true, subtree: true });
    if (doc.documentElement) observer.observe(doc.documentElement, { attributes: true, attributeFilter: LOOK_ATTRS });
    watchedBody = null;
    watchBody();
  }

  function scanAll(): void {
    if (!active.length) return;
    watchBody();
    scan(doc);
    unlockIfPrompted();
  }

  function turnOff(kind: SuppressionKind): void {
    if (kind === 'notificationPrompts') {
      unlocker.restore([...blocking].some((e) => e.isConnected));
      blocking.clear();
      dormant.clear();
    }
    for (const el of doc.querySelectorAll(`[${HIDDEN_ATTR}="${kind}"]`)) el.removeAttribute(HIDDEN_ATTR);
    seen[kind].clear();
  }

  function css(): string {
    const selectors = active.filter((r) => r.selectors && !r.onlyIfAsking).flatMap((r) => r.selectors ?? []);
    return [...selectors, `[${HIDDEN_ATTR}]`].join(',\n') + ' { display: none !important; }';
  }

  return {
    apply(next) {
      const previous = choices;
      choices = { ...next };
      for (const kind of SUPPRESSION_KINDS) if (previous[kind] && !choices[kind]) turnOff(kind);
      active = rules.filter((r) => choices[r.kind]);
      prepare();
      if (active.length === 0) {
        observer?.disconnect();
        observer = undefined;
        style?.remove();
        style = undefined;
        return;
      }
      if (!style) {
        style = doc.createElement('style');
        style.setAttribute(STYLE_ATTR, '');
      }
      style.textContent = css();
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
      observe();
      if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', scanAll, { once: true });
      else scanAll();
    },
    receipt() {
      // Catch what arrived where the observer cannot see (before it started, in a new <body>).
      if (active.length) {
        scan(doc);
        unlockIfPrompted();
      }
      const out = emptyReceipt();
      for (const kind of SUPPRESSION_KINDS) {
        if (!choices[kind]) continue;
        // Nested matches (a vendor's container and its dialog) are one thing to the user.
        for (const el of seen[kind]) {
          let nested = false;
          for (let p = el.parentElement; p && !nested; p = p.parentElement) nested = seen[kind].has(p);
          if (!nested) out[kind] += 1;
        }
      }
      return out;
    },
    release() {
      this.apply(NONE);
    },
  };
}
