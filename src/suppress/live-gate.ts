/**
 * The always-on half of the live suppressor: what every page and every frame pays for. Vendor
 * clutter needs no script at all (the browser applies vendor-css.ts); this gate only watches what
 * arrives, and in idle time asks one cheap question of it: is anything prompt-like (text naming
 * notifications, a dialog, a web component with a shadow root) or share-like (a link or control
 * that smells of sharing)? Only then is the engine (live-suppressor.ts, with the finders and the
 * scroll-lock logic) loaded, and handed everything seen so far: the arrivals with their times and
 * the scroll-lock changes, so blame works as if it had watched from the start. A page with none
 * of this never loads it. A request for the receipt loads it too.
 */
import type { SuppressionChoices } from '../settings/schema.ts';
import type { HiddenEntry, SuppressionReceipt } from './receipt.ts';
import type { AttributeChange, GateState, IdleDeadline, InspectedHide, LiveSuppressor, SuppressorEnv } from './live-suppressor.ts';
import { OFF_ATTR } from './marks.ts';
import type { PageAttributes } from './scroll-lock.ts';
import { mentionsNotifications } from './notify-words.ts';

type Engine = typeof import('./live-suppressor.ts');

export interface LiveGate {
  apply(choices: SuppressionChoices): void;
  entries(): Promise<HiddenEntry[]>;
  receipt(): Promise<SuppressionReceipt>;
  restore(id: number): Promise<boolean>;
  /** The engine's inspect(), loading it if needed (the real-page benchmark). */
  inspect(): Promise<InspectedHide[]>;
  /** Whether the engine has been loaded (benchmarks and tests read this). */
  readonly engaged: boolean;
  stop(): void;
}

export interface GateEnv extends SuppressorEnv {
  /** Loads the engine (a dynamic import in the extension; a plain import in tests). */
  load(): Promise<Engine>;
}

const KINDS = ['notificationPrompts', 'shareButtons'] as const;
/** Dialogs: prompts are often one, and a page's own dialog decides who a scroll lock belongs to. */
const PROMPTISH = 'dialog, [popover], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** Links and controls that may belong to a share bar: any hint is enough to look closer. */
const SHAREISH = [
  'a[href*="share" i]', 'a[href*="intent/" i]', 'a[href*="submit" i]', 'a[href*="/pin/" i]', 'a[href^="mailto:" i]',
  'a[href*="send?" i]', 'a[href*="status=" i]', 'a[href*="offer?" i]', 'a[href*="wa.me/" i]', 'a[href*="t.me/" i]',
  'a[href^="whatsapp:" i]', 'a[href*="add?url" i]', 'amp-social-share', '[data-network]', '[data-share]', '[data-social]',
  '[class*="share" i]', '[class*="a2a" i]', '[class*="addthis" i]', '[aria-label*="share" i]', '[title*="share" i]',
  '[aria-label*="facebook" i]', '[aria-label*="whatsapp" i]', '[aria-label*="twitter" i]', '[aria-label*="teilen" i]', '[aria-label*="partag" i]',
].join(', ');
const BATCH_MS = 4;
const BUSY_MS_PER_SECOND = 10;
const BACK_OFF_MS = 1000;
const MAX_PENDING = 400;
const MAX_CHANGES = 200;

export function createLiveGate(doc: Document, env: GateEnv): LiveGate {
  const win = doc.defaultView!;
  const now = env.now ?? (() => win.performance.now());
  const idle = env.idle ?? ((work: (d: IdleDeadline) => void) => void win.setTimeout(() => work({ timeRemaining: () => BATCH_MS }), 16));
  const later = env.later ?? ((work: () => void, ms: number) => void win.setTimeout(work, ms));
  const shadowOf = env.shadowOf ?? ((el: Element) => el.shadowRoot);
  const htmlAtStart = doc.documentElement
    ? { class: doc.documentElement.getAttribute('class'), style: doc.documentElement.getAttribute('style') } : undefined;

  let choices: SuppressionChoices = { notificationPrompts: false, shareButtons: false };
  /** Settings arrive asynchronously; until then arrivals are only noted (with their times). */
  let configured = false;
  let observer: MutationObserver | undefined;
  let startedAt = 0;
  let atFirstLook: PageAttributes | undefined;
  let stopped = false;
  let scheduled = false;
  let busy = { since: 0, spent: 0, runs: 0 };
  const pending = new Map<Node, number>();
  let changes: AttributeChange[] = [];
  let engine: LiveSuppressor | undefined;
  let loading: Promise<LiveSuppressor | undefined> | undefined;
  let lib: Engine | undefined;

  const anyOn = () => KINDS.some((k) => choices[k]);

  function setOffAttribute(): void {
    const off = KINDS.filter((k) => !choices[k]);
    const html = doc.documentElement;
    if (!html) return;
    if (off.length) html.setAttribute(OFF_ATTR, off.join(' '));
    else html.removeAttribute(OFF_ATTR);
  }

  /** The one question asked of everything that arrives. */
  function interesting(root: Node): boolean {
    if (!root.isConnected) return false;
    const el = root.nodeType === 1 ? (root as Element) : null;
    const scope = root as ParentNode;
    if (choices.notificationPrompts) {
      if (mentionsNotifications(root)) return true;
      if (el?.matches(PROMPTISH) || scope.querySelector(PROMPTISH)) return true;
      const hosts = root.nodeType === 9 ? doc.body?.children ?? [] : [el!, ...(el?.children ?? [])];
      for (const host of hosts) if (host.localName.includes('-') && shadowOf(host)) return true;
    }
    if (choices.shareButtons && (el?.matches(SHAREISH) || scope.querySelector(SHAREISH))) return true;
    return false;
  }

  function engage(): Promise<LiveSuppressor | undefined> {
    loading ??= env.load().then((loaded) => {
      if (stopped) return undefined;
      lib = loaded;
      observer?.disconnect();
      // Records the observer holds but has not delivered are part of what is handed over.
      if (observer) note(observer.takeRecords());
      observer = undefined;
      doc.removeEventListener('toggle', onToggle, true);
      const state: GateState = { choices, startedAt, htmlAtStart, atFirstLook: atFirstLook!, pending: new Map(pending), changes };
      pending.clear();
      changes = [];
      engine = loaded.createLiveSuppressor(doc, undefined, env, state);
      return engine;
    }, () => undefined);
    return loading;
  }

  function run(deadline: IdleDeadline): void {
    scheduled = false;
    if (stopped || engine || loading || !configured) return;
    if (!anyOn()) {
      pending.clear();
      return;
    }
    const start = now();
    if (start - busy.since > 1000) busy = { since: start, spent: 0, runs: 0 };
    busy.runs += 1;
    for (const [root] of pending) {
      if (interesting(root)) {
        void engage();
        return;
      }
      pending.delete(root);
      if (pending.size && (now() - start > BATCH_MS || deadline.timeRemaining() < 1)) break;
    }
    busy.spent += now() - start;
    if (pending.size) schedule();
  }

  function schedule(): void {
    if (scheduled || stopped || engine || loading || !configured) return;
    scheduled = true;
    // A page that keeps changing (not one long first look) is looked at once a second.
    if (busy.runs >= 4 && busy.spent > BUSY_MS_PER_SECOND && now() - busy.since < 1000) later(() => idle(run), BACK_OFF_MS);
    else idle(run);
  }

  function queue(node: Node, t: number): void {
    if (pending.size >= MAX_PENDING && !pending.has(doc)) {
      // One look at the whole page is cheaper than a thousand small ones; the oldest time is kept.
      const first = Math.min(...pending.values());
      pending.clear();
      pending.set(doc, first);
    } else if (!pending.has(node) && !pending.has(doc)) {
      pending.set(node, t);
    }
  }

  function note(records: MutationRecord[]): void {
    const t = now();
    for (const record of records) {
      if (record.type === 'attributes') {
        const change = lib ? lib.lockChange(doc, record, t) : lockChangeLite(record, t);
        if (change && changes.length < MAX_CHANGES) changes.push(change);
        else if (record.attributeName === 'open') queue(record.target, t);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) queue(node, t);
        else if (node.nodeType === 3 && node.parentElement && node.parentElement !== doc.body) queue(node.parentElement, t);
      }
    }
  }

  /** The engine's own test (lockChange), in the few lines the gate can afford before it is loaded. */
  function lockChangeLite(record: MutationRecord, t: number): AttributeChange | undefined {
    const el = record.target as Element;
    const attr = record.attributeName!;
    const page = el === doc.documentElement || el === doc.body;
    if ((attr === 'class' || attr === 'style') && page) return { el, attr, before: record.oldValue, t };
    if ((attr === 'inert' || attr === 'aria-hidden') && (page || el.parentElement === doc.body || el.querySelector('main, [role="main"], article'))) {
      return { el, attr, before: record.oldValue, t };
    }
    return undefined;
  }

  const onToggle = (event: Event) => {
    if ((event as Event & { newState?: string }).newState === 'open' && event.target instanceof win.Element) {
      queue(event.target, now());
      schedule();
    }
  };

  function observeAll(o: MutationObserver): void {
    const lock = { attributes: true, attributeFilter: ['class', 'style'], attributeOldValue: true };
    o.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'inert', 'aria-hidden'], attributeOldValue: true });
    if (doc.documentElement) o.observe(doc.documentElement, lock);
    if (doc.body) o.observe(doc.body, lock);
  }

  function start(): void {
    if (observer || engine || loading || stopped) return;
    startedAt = now();
    const attributes = (el: Element | null) => el && { class: el.getAttribute('class'), style: el.getAttribute('style') };
    atFirstLook = { html: attributes(doc.documentElement) ?? { class: null, style: null }, body: attributes(doc.body) };
    let body = doc.body;
    observer = new win.MutationObserver((records) => {
      // <body> replaced (document.write, a framework's re-render): its attributes are watched anew.
      if (doc.body !== body && observer) {
        body = doc.body;
        observeAll(observer);
      }
      note(records);
      if (pending.size) schedule();
    });
    observeAll(observer);
    // Popovers open without any change to the DOM; their toggle event is the only sign.
    doc.addEventListener('toggle', onToggle, true);
    queue(doc, startedAt);
    schedule();
  }

  // Watching starts with the parsed page, whether or not the settings have arrived yet, so that
  // every arrival and every lock keeps its true time.
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  return {
    apply(next) {
      if (stopped) return;
      const previous = configured ? choices : undefined;
      choices = { ...next };
      configured = true;
      if (engine) {
        engine.apply(choices);
        return;
      }
      setOffAttribute();
      if (loading) {
        void loading.then((e) => e?.apply(choices));
        return;
      }
      // A kind switched on after the first look: look at the whole page again.
      if (previous && KINDS.some((k) => choices[k] && !previous[k])) queue(doc, now());
      schedule();
    },
    async entries() {
      if (!configured || !anyOn()) return [];
      const e = engine ?? (await engage());
      return e?.entries() ?? [];
    },
    async receipt() {
      const e = engine ?? (configured && anyOn() ? await engage() : undefined);
      return e?.receipt() ?? { notificationPrompts: 0, shareButtons: 0 };
    },
    async inspect() {
      if (!configured || !anyOn()) return [];
      const e = engine ?? (await engage());
      return e?.inspect() ?? [];
    },
    async restore(id) {
      return engine?.restore(id) ?? false;
    },
    get engaged() {
      return !!engine;
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      doc.removeEventListener('toggle', onToggle, true);
      engine?.stop();
      pending.clear();
    },
  };
}
