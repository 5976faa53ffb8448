/**
 * Recognisers for clutter that carries no vendor name: site-made notification prompts and
 * home-made share bars. Both start from cheap signals (a text node with notification words, a
 * link to a share endpoint) and only then look at structure, so a page without either costs a
 * text walk and nothing more.
 */
import { EMBEDDED_CONTENT } from './rules.ts';
import { isShareLink } from './share-links.ts';

// Words are matched together: a notification word alone is a site's inbox, a request alone is a
// cookie banner. Several languages, since prompts are written by each site in its own.
const NOTIFY = /\b(notifications?|push|reminders?|alerts?)\b|benachrichtigung|mitteilungen|notificaci[oó]n|notifica(ç(ão|ões)|zion[ei])|avisos|meldingen|powiadomie|уведомлени|通知|알림/i;
const ASK = /\b(allow|enable|turn on|subscribe|get notified|receive|send you|never miss|stay (up to date|updated|informed)|keep (me|you) posted|click '?ok'?)\b|erlaube|zulassen|aktivieren|abonnieren|autoriser|autorisez|activer|activez|recevoir|s['’]abonner|permitir|permite|activar|activa|suscrib|recibir|consenti|attiva|ricevere|iscriviti|ativar|receber|toestaan|inschakelen|ontvangen|zezwól|włącz|разреш|подпис|включ|許可|허용/i;
const NOT_A_PROMPT = /\b(cookies?|consent|privacy policy|gdpr|password|log ?in|sign ?in)\b|datenschutz|einwilligung|mot de passe/i;
const FORM_CONTROL = 'input:not([type="button"], [type="submit"], [type="hidden"]), select, textarea';
const MEDIA = 'video, audio, iframe, object, embed, canvas, nav, form[role="search"]';
const ACTIONS = 'button, a[href], [role="button"], input[type="button"], input[type="submit"]';
const BACKDROP_NAME = /(^|[\s_-])(backdrop|overlay|mask|shade|dimmer|scrim)([\s_-]|$)/i;
const MAX_PROMPT_TEXT = 500;
/** Where a page keeps its own content: a short article that mentions alerts is no prompt-in-waiting. */
const CONTENT_REGION = 'main, article, [role="main"], [role="article"], nav';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const isFloating = (win: Window, el: Element) => {
  const position = win.getComputedStyle(el).position;
  return position === 'fixed' || position === 'sticky';
};

/** Text nodes under `root` (or `root` itself) that could belong to a notification prompt. */
function* notifyTexts(root: Node): Generator<Text> {
  if (root.nodeType === 3) {
    if (NOTIFY.test((root as Text).data)) yield root as Text;
    return;
  }
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (NOTIFY.test((n as Text).data)) yield n as Text;
}

/** Whether a box with this text and these parts (a shadow root and its host) reads and is built like a prompt. */
function readsAsPrompt(text: string, parts: ParentNode[], outer: Element): boolean {
  if (text.length < 10 || text.length > MAX_PROMPT_TEXT) return false;
  if (!NOTIFY.test(text) || !ASK.test(text) || NOT_A_PROMPT.test(text)) return false;
  if (outer.matches(MEDIA) || parts.some((p) => p.querySelector(FORM_CONTROL) || p.querySelector(MEDIA))) return false;
  const actions = parts.reduce((n, p) => n + p.querySelectorAll(ACTIONS).length, 0);
  return actions >= 1 && actions <= 5 && !outer.closest(EMBEDDED_CONTENT);
}

/** True when `el`, as a whole, reads and is built like a prompt asking to allow notifications. */
export function looksLikeNotificationPrompt(el: Element): boolean {
  return readsAsPrompt(squash(el.textContent), [el], el);
}

/**
 * The widest box around `text` that would read as a prompt if it floated: a prompt the page keeps
 * in place and shows later by adding a class. `checked` holds boxes already walked in this scan,
 * so a paragraph of many notification words is climbed once.
 */
function dormantPromptAround(text: Text, body: Element | null, checked: Set<Element>): Element | undefined {
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
 * Site-made notification prompts at or under `root`: the nearest fixed/sticky box around text
 * that mentions notifications, widened to wrappers with the same text (a backdrop around the
 * dialog). Boxes that read as a prompt but do not float yet go into `dormant`, for the caller to
 * look at again when their class or style changes.
 */
export function findNotificationPrompts(root: Node, win: Window, dormant?: Set<Element>): Element[] {
  const found = new Set<Element>();
  const checked = new Set<Element>();
  const body = win.document.body;
  for (const text of notifyTexts(root)) {
    let box: Element | null = null;
    for (let el = text.parentElement; el && el !== body && el !== win.document.documentElement; el = el.parentElement) {
      if (isFloating(win, el)) { box = el; break; }
    }
    if (!box) {
      const candidate = dormant && dormantPromptAround(text, body, checked);
      if (candidate) dormant!.add(candidate);
      continue;
    }
    if (found.has(box) || !looksLikeNotificationPrompt(box)) continue;
    const own = squash(box.textContent);
    while (box.parentElement && box.parentElement !== body && isFloating(win, box.parentElement)
      && squash(box.parentElement.textContent) === own) box = box.parentElement;
    found.add(box);
  }
  return [...found];
}

/** Elements at or under `root` with an open shadow root (closed ones are out of reach by design). */
export function* shadowHosts(root: Node): Generator<Element> {
  if (root.nodeType !== 1 && root.nodeType !== 9) return;
  if ((root as Element).shadowRoot) yield root as Element;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Element).shadowRoot) yield n as Element;
}

const NOT_SHOWN = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT']);
/** What a reader sees as text under `root`: a shadow root carries its <style> as text, which is no wording. */
function shownText(root: Node): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n && out.length <= MAX_PROMPT_TEXT; n = walker.nextNode()) {
    if (!NOT_SHOWN.has(n.parentElement?.tagName ?? '')) out += ` ${(n as Text).data}`;
  }
  return squash(out);
}

/**
 * A host whose open shadow root is a notification prompt and nothing else, floating either itself
 * or inside. The host is what gets hidden: no page stylesheet, ours included, reaches into a
 * shadow root, and a host holding more than the prompt is left alone.
 */
export function isShadowPrompt(host: Element, win: Window): boolean {
  const shadow = host.shadowRoot;
  const doc = win.document;
  if (!shadow || host === doc.body || host === doc.documentElement) return false;
  const text = squash(`${shownText(shadow)} ${shownText(host)}`);
  if (!readsAsPrompt(text, [shadow, host], host)) return false;
  if (isFloating(win, host)) return true;
  for (const t of notifyTexts(shadow)) for (let el = t.parentElement; el; el = el.parentElement) if (isFloating(win, el)) return true;
  return false;
}

/** An empty floating backdrop placed next to a prompt rather than around it. */
export function backdropsOf(prompt: Element, win: Window): Element[] {
  return [prompt.previousElementSibling, prompt.nextElementSibling].filter((s): s is Element => !!s
    && !squash(s.textContent) && s.children.length === 0
    && BACKDROP_NAME.test(`${s.getAttribute('class') ?? ''} ${s.id}`) && isFloating(win, s));
}

const COPY_OR_SHARE_BUTTON = /^(share|copy( link)?|print|email|e-mail|more|\+|\d+)$/i;

/** Whether everything inside `el` is share chrome: share links, share/copy buttons, counts, icons. */
function isShareOnly(el: Element): boolean {
  for (const a of el.querySelectorAll('a[href]')) if (!isShareLink(a.getAttribute('href') ?? '')) return false;
  for (const b of el.querySelectorAll('button, [role="button"]')) if (!b.closest('a') && !COPY_OR_SHARE_BUTTON.test(squash(b.textContent))) return false;
  if (el.querySelector(`${FORM_CONTROL}, video, audio, picture, figure, table`)) return false;
  let other = squash(el.textContent);
  for (const a of el.querySelectorAll('a[href], button')) other = other.replace(squash(a.textContent), '');
  return other.replace(/[\s|·•,:\-—]/g, '').length <= 30;
}

const STOP = 'body, main, article, [role="main"], td, th';

/**
 * Home-made share bars at or under `root`: the widest box around two or more share-endpoint links
 * that holds nothing else of substance. A single share link in a sentence stays.
 */
export function findShareClusters(root: Element | Document): Element[] {
  const links = [...(root as ParentNode).querySelectorAll('a[href]')];
  if (root.nodeType === 1 && (root as Element).matches('a[href]')) links.push(root as Element);
  const found = new Set<Element>();
  for (const a of links) {
    if (!isShareLink(a.getAttribute('href') ?? '') || a.closest(EMBEDDED_CONTENT)) continue;
    if ([...found].some((f) => f.contains(a))) continue;
    let best: Element | null = null;
    for (let el = a.parentElement; el && !el.matches(STOP); el = el.parentElement) {
      if (!isShareOnly(el)) break;
      if (el.querySelectorAll('a[href]').length >= 2) best = el;
    }
    if (best) found.add(best);
  }
  return [...found];
}
