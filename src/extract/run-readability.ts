/**
 * Readability on the extraction clone, within a time budget, with a second chance when it latches
 * on to a fragment. Readability scores paragraphs and keeps the best-scoring block plus similar
 * siblings; on pages whose body is cut into many sections (guides, listicles, landing-style blogs)
 * it often keeps one section of many. Pages mark their main content semantically far more often
 * than they break it, so when the page's own container holds much more prose than Readability
 * returned, Readability runs again on that container alone, and if that is still a fragment the
 * pruned container itself is used. The swap is guarded: only when Readability's pick lies inside
 * the container, and the container's extra prose is not link lists, comments or a feed of several
 * articles.
 */
import { Readability } from '@mozilla/readability';
import { pruneContainer } from './prune-container.ts';
import { linkDensity } from './dom-text.ts';
import { resolveLazyMedia } from './resolve-lazy-media.ts';
import type { Deadline } from './page-bounds.ts';
import type { Rules } from './rules.ts';

export interface ReadabilityResult {
  root: Element;
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  dir?: string;
  /** Which body was kept: Readability's own pick, its pick within the container, or the pruned container. */
  source: 'readability' | 'container-readability' | 'container';
}

const CONTAINERS = '[itemprop="articleBody"], article, main, [role="main"]';
const OPTIONS = { serializer: (el: Node) => el as Element, charThreshold: 400, keepClasses: true };
/** Readability's share of the container's prose under which its result is taken for a fragment. */
const FRAGMENT = 0.55;
const PROSE = new Set(['p', 'li', 'h2', 'h3', 'h4', 'pre', 'blockquote', 'td', 'dd']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Prose blocks of an element (innermost: li > p counts once), with their normalised text. */
export function proseBlocks(root: Element): string[] {
  const out: string[] = [];
  const visit = (el: Element): boolean => {
    let inner = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!SKIP.has(c.localName) && visit(c)) inner = true;
    }
    if (!PROSE.has(el.localName)) return inner;
    if (!inner) {
      const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    }
    return true;
  };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) if (!SKIP.has(c.localName)) visit(c);
  return out;
}

/**
 * Text a reader would read in an element: prose blocks only, so menus and scripts do not count.
 * Nested blocks (li > p) count once, at the innermost level. One walk over the tree.
 */
export function proseLength(root: Element): number {
  let total = 0;
  for (const t of proseBlocks(root)) total += t.length;
  return total;
}

/** Readability's methods that every step of its work passes through: each polls the deadline. */
const HOT = ['_getNextNode', '_getInnerText', '_hasChildBlockElement', '_getLinkDensity'] as const;

function parse(doc: Document, deadline: Deadline): Omit<ReadabilityResult, 'source'> | null {
  const reader = new Readability<Element>(doc, OPTIONS);
  const self = reader as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of HOT) {
    const original = self[name];
    if (typeof original !== 'function') continue;
    self[name] = function (this: unknown, ...args: unknown[]) {
      deadline.poll();
      return original.apply(this, args);
    };
  }
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  return {
    root: parsed.content,
    title: parsed.title ?? undefined,
    byline: parsed.byline ?? undefined,
    siteName: parsed.siteName ?? undefined,
    lang: parsed.lang ?? undefined,
    dir: parsed.dir ?? undefined,
  };
}

/** The semantic container with the most prose, when one clearly holds the page's main text. Read-only. */
function bestContainer(doc: Document): { el: Element; prose: number } | undefined {
  let best: { el: Element; prose: number } | undefined;
  for (const el of doc.querySelectorAll(CONTAINERS)) {
    const prose = proseLength(el);
    if (!best || prose > best.prose * 1.05) best = { el, prose };
  }
  return best && best.prose >= 800 ? best : undefined;
}

/**
 * Whether the container may replace Readability's pick: not when what it holds is mostly links (a
 * teaser feed, a menu-heavy page body). Requiring the pick to lie inside the container, or the
 * container to hold no more than two <article>s, was tried and cost more than it saved on the
 * tuning pages: where Readability's pick is outside the container it is usually the wrong block,
 * and article-per-section layouts are common.
 */
function swapAllowed(container: Element): boolean {
  return linkDensity(container) <= 0.4;
}

/** An inert document (no browsing context: nothing loads or runs) holding a copy of `el` only. */
function isolate(inertFrom: Document, el: Element): Document {
  const doc = inertFrom.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(el, true));
  resolveLazyMedia(doc);
  return doc;
}

/**
 * `source` is the read-only pristine clone; `work` is a copy of it that Readability may mutate.
 * Throws OverBudget if Readability's first pass runs past the deadline; the second chance is only
 * tried while less than half of the budget is used.
 */
export function runReadability(source: Document, work: Document, deadline: Deadline, rules: Rules): ReadabilityResult | null {
  const container = rules.on('container-fallback') ? bestContainer(source) : undefined;
  const firstParsed = parse(work, deadline);
  const first = firstParsed ? { ...firstParsed, source: 'readability' as const } : null;
  if (!container || deadline.passed()) return first;
  const got = first ? proseLength(first.root) : 0;
  if (got >= container.prose * FRAGMENT) return first;
  if (rules.on('fallback-guard') && first && !swapAllowed(container.el)) return first;

  const meta = { title: first?.title, byline: first?.byline, siteName: first?.siteName, lang: first?.lang, dir: first?.dir };
  let second: Omit<ReadabilityResult, 'source'> | null = null;
  try {
    second = parse(isolate(source, container.el), deadline);
  } catch {
    return first; // Out of time for the second chance: Readability's own pick stands.
  }
  const secondProse = second ? proseLength(second.root) : 0;
  if (second && secondProse >= container.prose * FRAGMENT) {
    return { ...second, ...meta, byline: meta.byline ?? second.byline, source: 'container-readability' };
  }

  const whole = isolate(source, container.el).body.firstElementChild!;
  pruneContainer(whole);
  const wholeProse = proseLength(whole);
  const bestSoFar = Math.max(got, secondProse);
  if (wholeProse <= bestSoFar * 1.3) return secondProse > got && second ? { ...second, ...meta, source: 'container-readability' } : first;
  return { root: whole, ...meta, source: 'container' };
}
