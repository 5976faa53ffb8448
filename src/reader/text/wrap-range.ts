/**
 * Wraps a run of text in one element and puts the DOM back exactly as it was afterwards. A
 * sentence can start inside a link and end outside it, and one element cannot wrap that without
 * splitting the link in two: the inline elements the range starts or ends inside are split (a
 * shallow copy takes the part inside the range) and joined again on undo.
 */

interface Split {
  original: Element;
  piece: Element;
  /** Which side of the original the piece was cut from. */
  side: 'after' | 'before';
}

/** The piece keeps the original's attributes but not its id, which must stay unique. */
function shallowCopy(element: Element): Element {
  const copy = element.cloneNode(false) as Element;
  copy.removeAttribute('id');
  return copy;
}

const lowestCommonAncestor = (a: Node, b: Node): Node => {
  const ancestors = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) ancestors.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (ancestors.has(n)) return n;
  throw new Error('nodes in different trees');
};

/**
 * Wraps [start, end) — both points in text nodes, as `rangeFor` makes them — in `wrapper` and
 * returns the undo. An empty range wraps nothing (the undo does nothing).
 */
export function wrapRange(range: Range, wrapper: Element): () => void {
  const { startContainer, endContainer } = range;
  let { startOffset, endOffset } = range;
  if (range.collapsed || startContainer.nodeType !== 3 || endContainer.nodeType !== 3) return () => {};
  const textSplits: [Text, Text][] = [];
  const splitText = (node: Text, at: number): Text => {
    const rest = node.splitText(at);
    textSplits.push([node, rest]);
    return rest;
  };

  // 1. Boundaries between nodes: first covered node `first`, last covered node `last`.
  let last = endContainer as Text;
  if (endOffset < last.data.length) splitText(last, endOffset);
  let first = startContainer as Text;
  if (startOffset > 0) {
    const rest = splitText(first, startOffset);
    if (last === first) last = rest;
    first = rest;
    startOffset = 0;
  }
  endOffset = last.data.length;

  // 2. Lift both ends to children of the common ancestor, splitting the elements they sit inside.
  const common = lowestCommonAncestor(first, last);
  const splits: Split[] = [];
  let from: Node = first;
  while (from.parentNode !== common && from !== common) {
    const parent = from.parentNode as Element;
    if (from !== parent.firstChild) {
      const piece = shallowCopy(parent);
      parent.after(piece);
      const moving: Node[] = [];
      for (let n: Node | null = from; n; n = n.nextSibling) moving.push(n);
      piece.append(...moving);
      splits.push({ original: parent, piece, side: 'after' });
      from = piece;
    } else {
      from = parent;
    }
  }
  let to: Node = last;
  while (to.parentNode !== common && to !== common) {
    const parent = to.parentNode as Element;
    if (to !== parent.lastChild) {
      const piece = shallowCopy(parent);
      parent.before(piece);
      const moving: Node[] = [];
      for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
        moving.push(n);
        if (n === to) break;
      }
      piece.append(...moving);
      splits.push({ original: parent, piece, side: 'before' });
      to = piece;
    } else {
      to = parent;
    }
  }

  // 3. Wrap the siblings from `from` to `to`.
  from.parentNode!.insertBefore(wrapper, from);
  const covered: Node[] = [];
  for (let n: Node | null = from; n; n = n.nextSibling) {
    covered.push(n);
    if (n === to) break;
  }
  wrapper.append(...covered);

  return () => {
    if (wrapper.parentNode) {
      wrapper.replaceWith(...wrapper.childNodes);
    }
    for (const { original, piece, side } of splits.reverse()) {
      if (!piece.parentNode || !original.parentNode) continue;
      if (side === 'after') original.append(...piece.childNodes);
      else original.prepend(...piece.childNodes);
      piece.remove();
    }
    for (const [head, tail] of textSplits.reverse()) {
      if (head.nextSibling === tail) {
        head.appendData(tail.data);
        tail.remove();
      }
    }
  };
}
