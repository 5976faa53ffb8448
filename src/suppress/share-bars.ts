/**
 * Share bars recognised as a whole, by shape: a short run of links and buttons, most of them share
 * actions (share endpoints by URL shape, buttons labelled with a network or "share", e-mail,
 * print and copy-link actions), with counters, icon-only buttons, `#`/`javascript:` links and a
 * few of the site's own links (comments, RSS, e-mail protection) allowed alongside. The widest box
 * that is still such a run is the bar; anything with content in it (contentInside) is not.
 */
import { contentInside, proseWords } from './content-guard.ts';
import { NETWORK_NAME, SHARE_LABEL } from './prompt-words.ts';
import { EMBEDDED_CONTENT } from './rules.ts';
import { barLinkKind } from './share-links.ts';

/** Boxes a bar never is, nor grows into. */
const STOP = 'body, main, article, [role="main"], [role="article"], td, th, form, dialog, [role="dialog"]';
/** Boxes that can be a bar (a floating rail is often an <aside>) but that a bar never grows past. */
const LAST = 'header, footer, nav, aside, section';
const MAX_ACTIONS = 24;
const MAX_CLIMB = 8;
const SHARE_ATTR = /(?:^|[\s_-])(?:share|sharing|social-?share|sharer|shr)(?:$|[\s_-])|a2a|addtoany|addthis|sharethis|swp_|ssba|essb|mashsb|heateor|dpsp|shariff|ssk-|st-btn|at-share|resp-sharing|novashare|social-share/i;
/** Article tools that sit in share bars without being share actions. */
const TOOL_LABEL = /(?<![\p{L}])(?:pdf|download|herunterladen|télécharger|descargar|scaricare|rss|feed|comments?|kommentare?|commentaires?|comentarios?|commenti)(?![\p{L}])/iu;
const COUNTER = /^[\s\d.,kKmM+]*(?:shares?|teilen|partages|compartidos|condivisioni)?[\s\d.,kKmM+]*$/i;

type Item = 'share' | 'neutral' | 'other';

/** The words a control shows or is named by (its text, its aria-label, title, and share hints in its attributes). */
function labelOf(el: Element): string {
  const alts = [...el.querySelectorAll('img[alt], svg[aria-label]')].map((i) => i.getAttribute('alt') ?? i.getAttribute('aria-label'));
  return [el.textContent, el.getAttribute('aria-label'), el.getAttribute('title'), ...alts, el.getAttribute('data-network'),
    el.getAttribute('data-share'), el.getAttribute('data-social'), el.getAttribute('data-platform'), el.getAttribute('data-service')]
    .filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

/** What one control of a would-be bar is: a share action, something a bar may carry, or something else. */
function classify(el: Element, pageHost: string): Item {
  if (el.tagName === 'AMP-SOCIAL-SHARE') return 'share';
  const label = labelOf(el);
  const hints = `${el.getAttribute('class') ?? ''} ${el.id} ${el.parentElement?.getAttribute('class') ?? ''}`;
  if (el.tagName === 'A') {
    switch (barLinkKind(el.getAttribute('href') ?? '', pageHost)) {
      case 'share':
      case 'mail':
        return 'share';
      case 'utility':
        return 'neutral';
      case 'other':
        if (SHARE_ATTR.test(hints) && (NETWORK_NAME.test(label) || NETWORK_NAME.test(hints))) return 'share';
        // The site's own print view, PDF or e-mail-this-page link: a bar may carry it.
        return SHARE_LABEL.test(label) || TOOL_LABEL.test(label) ? 'neutral' : 'other';
      case 'inert':
        break;
    }
  }
  if (SHARE_LABEL.test(label) || NETWORK_NAME.test(label) || (SHARE_ATTR.test(hints) && NETWORK_NAME.test(hints))) return 'share';
  // Icon-only controls, counts and plain "#" links say nothing either way.
  if (!label || COUNTER.test(label) || label.length <= 2) return 'neutral';
  return el.tagName === 'A' ? 'other' : 'neutral';
}

interface Tally { share: number; other: number; total: number }

const isAction = (el: Element) => (el.tagName === 'A' && el.hasAttribute('href')) || el.tagName === 'BUTTON'
  || el.tagName === 'AMP-SOCIAL-SHARE' || el.getAttribute('role') === 'button' || el.hasAttribute('onclick');

/** Counts the controls in `box`, stopping early once there are too many to be a bar. */
function tally(box: Element, pageHost: string, cache: Map<Element, Item>): Tally {
  const out: Tally = { share: 0, other: 0, total: 0 };
  const walker = box.ownerDocument.createTreeWalker(box, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    if (!isAction(el)) continue;
    // What is inside a control is the control's (a button in a link, an icon in a button).
    let deepest: Node = el;
    while (deepest.lastChild) deepest = deepest.lastChild;
    walker.currentNode = deepest;
    out.total += 1;
    if (out.total > MAX_ACTIONS) return out;
    let kind = cache.get(el);
    if (!kind) {
      kind = classify(el, pageHost);
      cache.set(el, kind);
    }
    if (kind === 'share') out.share += 1;
    else if (kind === 'other') out.other += 1;
  }
  return out;
}

/** A run of controls that is mostly sharing: two or more share actions, and few others. */
const isBar = (t: Tally) => t.total <= MAX_ACTIONS && t.share >= 2 && t.share >= 2 * t.other && t.other <= 3;

/** Controls that might start a bar: share URLs, and controls that name a network or sharing. */
function* seeds(root: ParentNode, pageHost: string): Generator<Element> {
  for (const a of root.querySelectorAll('a[href]')) if (barLinkKind(a.getAttribute('href') ?? '', pageHost) === 'share') yield a;
  yield* root.querySelectorAll('amp-social-share');
  for (const b of root.querySelectorAll('button, [role="button"], a[href^="#"], a[href^="javascript:" i], [data-network], [data-share], [data-social]')) {
    if (SHARE_ATTR.test(`${b.getAttribute('class') ?? ''} ${b.id}`) || NETWORK_NAME.test(labelOf(b)) || SHARE_LABEL.test(labelOf(b))) yield b;
  }
}

/**
 * A share control standing alone: labelled as sharing or a network (or drawn as an icon), not
 * part of a sentence. Returns the widest box around it with no other control and no other words.
 */
function loneControl(control: Element, pageHost: string, cache: Map<Element, Item>): Element | null {
  const kind = cache.get(control) ?? classify(control, pageHost);
  const label = labelOf(control);
  // An icon, a network's name or a short label ("Tweet", "X", "Teilen"); a long link text is prose.
  if (kind !== 'share' || (label.split(/\s+/).length > 3 && !SHARE_LABEL.test(label) && !NETWORK_NAME.test(label))) return null;
  let best: Element = control;
  for (let el = control.parentElement, climbed = 0; el && climbed < MAX_CLIMB && !el.matches(STOP); el = el.parentElement, climbed++) {
    const t = tally(el, pageHost, cache);
    if (t.total > 1 || t.other > 0 || proseWords(el).words > 0 || contentInside(el, 'share')) break;
    best = el;
    if (el.matches(LAST)) break;
  }
  // Words right beside it make it part of a sentence ("you can also tweet this quote if…"): it stays.
  const beside = `${best.previousSibling?.nodeType === 3 ? best.previousSibling.textContent : ''} ${best.nextSibling?.nodeType === 3 ? best.nextSibling.textContent : ''}`;
  if ((beside.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3) return null;
  return contentInside(best, 'share') ? null : best;
}

/**
 * Share bars around the share actions at or under `root` (an element, a document, or a shadow
 * root): for each, the widest box around it that is still a bar and holds no content. The box may
 * be above `root`: a bar filled in link by link arrives one link at a time.
 */
export function findShareBars(root: ParentNode, pageHost = ''): Element[] {
  const found: Element[] = [];
  const cache = new Map<Element, Item>();
  const rejected = new Set<Element>();
  for (const seed of seeds(root, pageHost)) {
    if (found.some((f) => f.contains(seed)) || seed.closest(EMBEDDED_CONTENT)) continue;
    let best: Element | null = null;
    let climbed = 0;
    for (let el = seed.parentElement; el && climbed < MAX_CLIMB && !rejected.has(el); el = el.parentElement, climbed++) {
      if (el.matches(STOP)) break;
      const last = el.matches(LAST);
      const t = tally(el, pageHost, cache);
      if (t.total > MAX_ACTIONS || t.other > 3) break;
      if (isBar(t)) {
        if (contentInside(el, 'share')) {
          rejected.add(el);
          break;
        }
        best = el;
      } else if (best) {
        break;
      }
      if (last) break;
    }
    // A share control on its own (not in a sentence): the widest box that holds it and nothing else.
    best ??= loneControl(seed, pageHost, cache);
    if (best && !found.some((f) => f.contains(best!))) {
      for (let i = found.length - 1; i >= 0; i--) if (best.contains(found[i]!)) found.splice(i, 1);
      found.push(best);
    }
  }
  return found;
}
