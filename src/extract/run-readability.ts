/**
 * Readability on the extraction clone, with a second chance when it latches on to a fragment.
 * Readability scores paragraphs and keeps the best-scoring block plus similar siblings; on pages
 * whose body is cut into many sections (guides, listicles, landing-style blogs) it often keeps one
 * section of many, or only the footer. Pages mark their main content semantically far more often
 * than they break it, so when the page's own container holds much more prose than Readability
 * returned, Readability runs again on that container alone, and if that is still a fragment the
 * pruned container itself is used.
 */
import { Readability } from '@mozilla/readability';
import { pruneContainer } from './prune-container.ts';
import { resolveLazyMedia } from './resolve-lazy-media.ts';

export interface ReadabilityResult {
  root: Element;
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  dir?: string;
}

const CONTAINERS = '[itemprop="articleBody"], article, main, [role="main"]';
const OPTIONS = { serializer: (el: Node) => el as Element, charThreshold: 400, keepClasses: true };
/** Readability's share of the container's prose under which its result is taken for a fragment. */
const FRAGMENT = 0.55;
const PROSE = new Set(['p', 'li', 'h2', 'h3', 'h4', 'pre', 'blockquote', 'td', 'dd']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Text a reader would read in an element: prose blocks only, so menus and scripts do not count.
 * Nested blocks (li > p) count once, at the innermost level. One walk over the tree: selector
 * queries per block cost a match over each block's subtree.
 */
export function proseLength(root: Element): number {
  let total = 0;
  // Returns whether `el`'s subtree holds a prose block; adds innermost blocks' text on the way up.
  const visit = (el: Element): boolean => {
    let inner = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (!SKIP.has(c.localName) && visit(c)) inner = true;
    }
    if (!PROSE.has(el.localName)) return inner;
    if (!inner) total += (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    return true;
  };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) if (!SKIP.has(c.localName)) visit(c);
  return total;
}

function parse(doc: Document): ReadabilityResult | null {
  const parsed = new Readability<Element>(doc, OPTIONS).parse();
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

/** An inert document (no browsing context: nothing loads or runs) holding a copy of `el` only. */
function isolate(inertFrom: Document, el: Element): Document {
  const doc = inertFrom.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(el, true));
  resolveLazyMedia(doc);
  return doc;
}

/**
 * `source` is only read. `clone` is an inert copy of it that Readability may mutate.
 */
export function runReadability(source: Document, clone: Document): ReadabilityResult | null {
  const container = bestContainer(source);
  const first = parse(clone);
  if (!container) return first;
  const got = first ? proseLength(first.root) : 0;
  if (got >= container.prose * FRAGMENT) return first;

  const meta = { title: first?.title, byline: first?.byline, siteName: first?.siteName, lang: first?.lang, dir: first?.dir };
  const second = parse(isolate(clone, container.el));
  const secondProse = second ? proseLength(second.root) : 0;
  if (second && secondProse >= container.prose * FRAGMENT) return { ...second, ...meta, byline: meta.byline ?? second.byline };

  const whole = isolate(clone, container.el).body.firstElementChild!;
  pruneContainer(whole);
  const wholeProse = proseLength(whole);
  const bestSoFar = Math.max(got, secondProse);
  if (wholeProse <= bestSoFar * 1.3) return secondProse > got && second ? { ...second, ...meta } : first;
  return { root: whole, ...meta };
}
