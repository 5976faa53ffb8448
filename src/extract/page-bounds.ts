/**
 * Limits on the work extraction may do, so a hostile or pathological page gets a clear sentence
 * instead of a frozen tab. Size is checked before any work, in one walk over the live page that
 * stops as soon as a limit is passed (5,000-deep nesting, 50 MB of text and a 20,000-row table
 * each blocked the tab for seconds). Time is checked during the work: Readability's traversal
 * polls a deadline and gives up when it passes.
 */
import { protoGet } from '../detect/safe-dom.ts';

export interface PageLimits {
  elements: number;
  depth: number;
  /** Characters of text in the document (outside scripts and styles). */
  text: number;
}

/**
 * Well above the largest of the 2,617 real pages of the benchmark corpora (15,797 elements, depth
 * 56; see BENCHMARKS.md), and low enough that Readability's worst case on such a page stays inside
 * the time budget: a 20,000-row table (40,000 elements) is refused before any work.
 */
export const DEFAULT_LIMITS: PageLimits = { elements: 30_000, depth: 250, text: 4_000_000 };

export interface PageSize {
  elements: number;
  depth: number;
  text: number;
  /** The first limit passed, if any (the walk stopped there). */
  over?: keyof PageLimits;
}

/**
 * Counts elements, nesting depth and text in one iterative walk (no recursion: a 5,000-deep page
 * must not overflow the stack), through prototype getters (a page cannot clobber them).
 */
export function measurePage(doc: Document, limits: PageLimits = DEFAULT_LIMITS): PageSize {
  const size: PageSize = { elements: 0, depth: 0, text: 0 };
  const root = protoGet<Element | null>(doc, 'documentElement');
  if (!root) return size;
  // Node.prototype's getters, taken once: they serve every kind of node.
  const getter = (name: string) => nodeGetter(root, name);
  const [first, next, parent, typeOf, nameOf] = [getter('firstChild'), getter('nextSibling'), getter('parentNode'), getter('nodeType'), getter('localName')] as ((n: Node) => unknown)[];
  let node: Node | null = root;
  let depth = 1;
  while (node) {
    const type = typeOf!(node) as number;
    if (type === 1) {
      size.elements++;
      if (depth > size.depth) size.depth = depth;
      if (size.elements > limits.elements) return { ...size, over: 'elements' };
      if (depth > limits.depth) return { ...size, over: 'depth' };
    } else if (type === 3 || type === 4) {
      size.text += protoGet<number>(node, 'length');
      if (size.text > limits.text) return { ...size, over: 'text' };
    }
    // Script and style text is not read as text (and Readability drops it first).
    const child: Node | null = type === 1 && !NOT_TEXT.has(nameOf!(node) as string) ? (first!(node) as Node | null) : null;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !next!(node)) {
      node = parent!(node) as Node | null;
      depth--;
    }
    node = node && node !== root ? (next!(node) as Node | null) : null;
  }
  return size;
}

const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg']);

function nodeGetter(node: Node, name: string): (n: Node) => unknown {
  for (let p = Object.getPrototypeOf(node) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const get = Object.getOwnPropertyDescriptor(p, name)?.get;
    if (get) return (n: Node) => get.call(n);
  }
  throw new TypeError(`no ${name} getter`);
}

/** Thrown from inside the work when the deadline passes. */
export class OverBudget extends Error {
  constructor() {
    super('extraction time budget exceeded');
  }
}

/** A deadline that is cheap to poll from hot loops: the clock is read every 64th poll. */
export class Deadline {
  private polls = 0;
  private readonly end: number;

  constructor(
    budgetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.end = now() + budgetMs;
  }

  passed(): boolean {
    return this.now() > this.end;
  }

  /** Throws OverBudget once the deadline has passed. */
  poll(): void {
    if ((++this.polls & 63) === 0 && this.now() > this.end) throw new OverBudget();
  }

  /** Share of the budget used so far (0-1+). */
  used(budgetMs: number): number {
    return 1 - (this.end - this.now()) / budgetMs;
  }
}
