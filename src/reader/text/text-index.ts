/**
 * Positions in rendered text as plain character offsets. Features that remember a place in the
 * article (a highlight, the sentence being read) keep offsets, not node references: wrapping a
 * sentence or a highlight splits text nodes, but never changes the text they add up to, so an
 * offset stays valid while the nodes under it change. Pure DOM, testable in jsdom.
 */
export interface TextIndex {
  nodes: Text[];
  /** starts[i] is the offset of nodes[i]'s first character. */
  starts: number[];
  text: string;
}

export function indexText(nodes: Text[]): TextIndex {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { nodes, starts, text };
}

/** Every text node under `root`, in document order. */
export function textNodesUnder(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** The last node starting at or before `offset` (binary search). */
function nodeAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM point for an offset. A start is placed at the beginning of the node that holds the
 * character (never at the end of the empty-handed node before it); an end at the end of the node
 * holding the previous character, so a range never starts or ends in a neighbour it does not cover.
 */
export function pointAt(index: TextIndex, offset: number, side: 'start' | 'end'): { node: Text; offset: number } | undefined {
  if (!index.nodes.length) return undefined;
  const at = Math.max(0, Math.min(offset, index.text.length));
  let i = nodeAt(index, side === 'end' ? Math.max(0, at - 1) : at);
  if (side === 'start') {
    while (i < index.nodes.length - 1 && at - index.starts[i]! >= index.nodes[i]!.data.length) i++;
  }
  return { node: index.nodes[i]!, offset: Math.min(index.nodes[i]!.data.length, Math.max(0, at - index.starts[i]!)) };
}

export function rangeFor(index: TextIndex, start: number, end: number): Range | undefined {
  const a = pointAt(index, start, 'start');
  const b = pointAt(index, end, 'end');
  if (!a || !b) return undefined;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/**
 * The offset of a DOM boundary point (a selection's end, say), which may sit in an element
 * between nodes: it counts the text of every indexed node before it.
 */
export function offsetOf(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const i = index.nodes.indexOf(container as Text);
    if (i >= 0) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  const probe = (container.ownerDocument ?? (container as Document)).createRange();
  probe.setStart(container, offset);
  // Between nodes, every text node lies wholly before or after the point: find the first one
  // that starts at or after it (comparePoint is -1 for a point before the collapsed probe).
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (probe.comparePoint(index.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}
