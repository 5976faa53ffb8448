/**
 * Streaming server rendering (React 18+, Next.js) sends a placeholder where slow content goes,
 * `<template id="B:0">` with a spinner after it (or a bare `<template id="P:0">`), and later the
 * content itself at the end of the body in `<div hidden id="S:0">`; a script moves it into place.
 * A page captured before that script ran, or where it failed, keeps the article hidden at the
 * bottom, and Readability skips hidden elements. On the extraction clone (never the live page)
 * each segment is moved where the page's own script would have put it.
 */
const SEGMENT = /^S:(\w+)$/;
const MAX_SEGMENTS = 200;

/** Removes a boundary's fallback (a spinner, a skeleton): up to its closing <!--/$--> comment. */
function removeFallback(boundary: Element): Node | null {
  let node = boundary.nextSibling;
  let depth = 0;
  while (node) {
    if (node.nodeType === 8) {
      const data = (node as Comment).data;
      if (data === '/$') {
        if (depth === 0) return node;
        depth--;
      } else if (data === '$' || data === '$?' || data === '$!') depth++;
    }
    const next = node.nextSibling;
    node.parentNode?.removeChild(node);
    node = next;
  }
  return null;
}

export function placeStreamedHtml(doc: Document): void {
  let pending = [...doc.querySelectorAll('div[hidden][id^="S:"]')].slice(0, MAX_SEGMENTS);
  // A segment can hold the placeholder of another, so passes repeat until nothing moves.
  for (let pass = 0; pass < 5 && pending.length; pass++) {
    const left: Element[] = [];
    for (const segment of pending) {
      const id = SEGMENT.exec(segment.id)?.[1];
      const boundary = id ? doc.getElementById(`B:${id}`) : null;
      const placeholder = id && !boundary ? doc.getElementById(`P:${id}`) : null;
      const target = boundary ?? placeholder;
      const parent = target?.parentNode;
      if (!target || !parent || target.localName !== 'template' || segment.contains(target) || target.closest('div[hidden][id^="S:"]')) {
        left.push(segment);
        continue;
      }
      const before = boundary ? removeFallback(boundary) : target;
      while (segment.firstChild) parent.insertBefore(segment.firstChild, before);
      target.remove();
      segment.remove();
    }
    if (left.length === pending.length) break;
    pending = left;
  }
}
