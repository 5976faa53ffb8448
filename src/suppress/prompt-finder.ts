/**
 * Site-made notification prompts, which carry no vendor name: recognised by shape and wording
 * together, never by wording alone. The shape: a box that floats above the page (fixed, sticky,
 * or in the top layer), small next to the window (or a backdrop around such a box), with one to
 * four actions and no input fields, media, menus or content. The wording: it names
 * notifications and asks for them (prompt-words.ts), and says nothing a sign-in, consent,
 * age-gate, paywall or newsletter box says. Work starts from a cheap signal (text that names
 * notifications) and looks at styles only around it.
 */
import { contentInside } from './content-guard.ts';
import { ASK, NOT_A_PROMPT, NOTIFY } from './prompt-words.ts';
import { MAX_PROMPT_LINE } from './notify-words.ts';
import { EMBEDDED_CONTENT } from './rules.ts';

export interface FinderEnv {
  win: Window;
  /** The shadow root of `el`, closed ones included where the browser lets an extension read them. */
  shadowOf(el: Element): ShadowRoot | null;
}

/** A prompt asks for one click; anything to fill in or tick makes it a form (sign-in, newsletter, settings). */
const FORM_CONTROL = 'input:not([type="button"], [type="submit"], [type="hidden"], [type="reset"], [type="image"]), select, textarea';
const NOT_IN_A_PROMPT = 'video, audio, iframe, object, embed, canvas, nav, table, [role="search"], [role="menu"], [role="menubar"], [role="navigation"], [role="tablist"], [role="grid"]';
const ACTIONS = 'button, a[href], [role="button"], input[type="button"], input[type="submit"]';
const BACKDROP_NAME = /(^|[\s_-])(backdrop|overlay|mask|shade|dimmer|scrim|curtain)([\s_-]|$)/i;
export const MAX_PROMPT_TEXT = 400;
/** Where a page keeps its own content: a short article that mentions alerts is no prompt-in-waiting. */
const CONTENT_REGION = 'main, article, [role="main"], [role="article"], nav';
/** A prompt covers at most this share of the window; a wrapper that covers more must hold a box that does not. */
const MAX_AREA = 0.6;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const NOT_SHOWN = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);

/** What a reader sees as text under `root`: a shadow root carries its <style> as text, which is no wording. */
export function shownText(root: Node, limit = MAX_PROMPT_TEXT * 4): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length <= limit; n = walker.nextNode()) {
    if (!NOT_SHOWN.has(n.parentElement?.tagName ?? '')) out += ` ${(n as Text).data}`;
  }
  return squash(out);
}

/** Whether this text, in parts with these controls, reads as a request to allow notifications. */
function readsAsPrompt(text: string, parts: ParentNode[]): boolean {
  if (text.length < 10 || text.length > MAX_PROMPT_TEXT) return false;
  if (!NOTIFY.test(text) || !ASK.test(text) || NOT_A_PROMPT.test(text)) return false;
  if (parts.some((p) => p.querySelector(FORM_CONTROL) || p.querySelector(NOT_IN_A_PROMPT))) return false;
  const actions = parts.reduce((n, p) => n + p.querySelectorAll(ACTIONS).length, 0);
  return actions >= 1 && actions <= 4;
}

/** True when `el`, as a whole, reads and is built like a prompt asking to allow notifications. */
export function looksLikeNotificationPrompt(el: Element): boolean {
  return !el.matches(NOT_IN_A_PROMPT) && !el.closest(EMBEDDED_CONTENT) && readsAsPrompt(shownText(el), [el]) && !contentInside(el, 'prompt');
}

function area(el: Element): number {
  const r = el.getBoundingClientRect();
  return r.width * r.height;
}

/**
 * Small enough to be a prompt: the box itself, or (for a backdrop wrapping a dialog) the box its
 * text narrows down to. Unmeasurable boxes (not laid out) pass: their shape is checked by the rest.
 */
function smallEnough(box: Element, win: Window): boolean {
  const viewport = win.innerWidth * win.innerHeight;
  if (!viewport) return true;
  const text = squash(box.textContent);
  for (let el: Element | null = box; el; ) {
    const a = area(el);
    if (a === 0 || a <= viewport * MAX_AREA) return true;
    // Down into the one child that holds all of the text (the dialog inside its backdrop).
    el = [...el.children].find((c) => squash(c.textContent) === text) ?? null;
  }
  return false;
}

export class PromptFinder {
  private readonly styles = new Map<Element, CSSStyleDeclaration>();

  constructor(private readonly env: FinderEnv) {}

  /** Forgets computed styles: call between batches, the page changes in between. */
  reset(): void {
    this.styles.clear();
  }

  private style(el: Element): CSSStyleDeclaration {
    let s = this.styles.get(el);
    if (!s) {
      s = this.env.win.getComputedStyle(el);
      this.styles.set(el, s);
    }
    return s;
  }

  /** Fixed, sticky, or in the top layer (the browser positions open modal dialogs and popovers fixed). */
  floats(el: Element): boolean {
    const position = this.style(el).position;
    return position === 'fixed' || position === 'sticky';
  }

  /**
   * Site-made prompts at or under `root`: the nearest floating box around text that names
   * notifications, widened to floating wrappers with the same text. Boxes that read as a prompt
   * but do not float (yet) go into `dormant`, for the caller to look at again when their class or
   * style changes.
   */
  find(root: Node, dormant?: Set<Element>): Element[] {
    const doc = this.env.win.document;
    const found = new Set<Element>();
    const checked = new Set<Element>();
    const body = doc.body;
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    for (let n: Node | null = root.nodeType === 3 ? root : walker.nextNode(); n; n = root.nodeType === 3 ? null : walker.nextNode()) {
      const text = n as Text;
      if (text.length > MAX_PROMPT_LINE || !NOTIFY.test(text.data) || NOT_SHOWN.has(text.parentElement?.tagName ?? '')) continue;
      let box: Element | null = null;
      for (let el = text.parentElement; el && el !== body && el !== doc.documentElement; el = el.parentElement) {
        if (this.floats(el)) { box = el; break; }
      }
      if (!box) {
        const waiting = dormant && this.dormantAround(text, checked);
        if (waiting) dormant!.add(waiting);
        continue;
      }
      if (found.has(box) || [...found].some((f) => f.contains(box!)) || !looksLikeNotificationPrompt(box)) continue;
      const own = squash(box.textContent);
      while (box.parentElement && box.parentElement !== body && this.floats(box.parentElement)
        && squash(box.parentElement.textContent) === own) box = box.parentElement;
      if (!smallEnough(box, this.env.win)) continue;
      found.add(box);
    }
    return [...found];
  }

  /** The widest box around `text` that would read as a prompt if it floated. */
  private dormantAround(text: Text, checked: Set<Element>): Element | undefined {
    const body = this.env.win.document.body;
    let candidate: Element | undefined;
    for (let el = text.parentElement; el && el !== body && !el.matches(CONTENT_REGION); el = el.parentElement) {
      if (checked.has(el)) return undefined;
      checked.add(el);
      // textContent grows with every step up; stop at the first box too long to be a prompt.
      if ((el.textContent ?? '').length > MAX_PROMPT_TEXT * 4) break;
      if (looksLikeNotificationPrompt(el)) candidate = el;
    }
    return candidate;
  }

  /**
   * A host whose shadow root (open, or closed where readable) is a notification prompt and
   * nothing else, floating itself or inside. The host is what gets hidden: no page stylesheet,
   * ours included, reaches into a shadow root.
   */
  isShadowPrompt(host: Element): boolean {
    const shadow = this.env.shadowOf(host);
    const doc = this.env.win.document;
    if (!shadow || host === doc.body || host === doc.documentElement) return false;
    const text = squash(`${shownText(shadow)} ${shownText(host)}`);
    if (host.matches(NOT_IN_A_PROMPT) || host.closest(EMBEDDED_CONTENT) || !readsAsPrompt(text, [shadow, host])) return false;
    if (contentInside(shadow, 'prompt') || contentInside(host, 'prompt')) return false;
    if (this.floats(host)) return true;
    const walker = doc.createTreeWalker(shadow, 1 /* SHOW_ELEMENT */);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) if (this.floats(el as Element)) return true;
    return false;
  }

  /** An empty floating backdrop placed next to a prompt rather than around it. */
  backdropsOf(prompt: Element): Element[] {
    const viewport = this.env.win.innerWidth * this.env.win.innerHeight;
    return [prompt.previousElementSibling, prompt.nextElementSibling].filter((s): s is Element => {
      if (!s || squash(s.textContent) || s.children.length > 0 || !this.floats(s)) return false;
      return BACKDROP_NAME.test(`${s.getAttribute('class') ?? ''} ${s.id}`) || (viewport > 0 && area(s) >= viewport * 0.9);
    });
  }
}

/** Elements worth asking for a shadow root: the root itself, its children, and custom elements in it. */
export function* shadowHostCandidates(root: Node, limit = 400): Generator<Element> {
  if (root.nodeType === 1) yield root as Element;
  const scope = root.nodeType === 9 ? (root as Document).body : (root as Element);
  if (!scope) return;
  if (scope !== root) yield scope;
  for (const child of scope.children) yield child;
  const walker = scope.ownerDocument.createTreeWalker(scope, 1 /* SHOW_ELEMENT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < limit; n = walker.nextNode(), seen++) {
    if ((n as Element).localName.includes('-') && n.parentNode !== scope) yield n as Element;
  }
}
