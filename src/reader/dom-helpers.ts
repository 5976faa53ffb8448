/** Small builders for the reader features' controls: every control labelled, text set as text. */

export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A button with a short visible glyph or word and a full label for assistive tech and as its
 * tooltip. It acts on trusted clicks only: a page script can click into an open shadow root.
 */
export function featureButton(doc: Document, glyph: string, label: string, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button' });
  const face = el(doc, 'span', { 'aria-hidden': 'true' }, glyph);
  b.append(face);
  setLabel(b, label);
  b.addEventListener('click', (event) => {
    if (event.isTrusted) onClick(event);
  });
  return b;
}

export function setLabel(button: HTMLElement, label: string, glyph?: string): void {
  button.setAttribute('aria-label', label);
  button.title = label;
  if (glyph !== undefined) button.querySelector('span[aria-hidden]')!.textContent = glyph;
}

/** Adds a feature's stylesheet to the shadow root once. */
export function addStyles(root: ShadowRoot, id: string, css: string): void {
  if (root.querySelector(`style[data-feature="${id}"]`)) return;
  const style = root.ownerDocument.createElement('style');
  style.setAttribute('data-feature', id);
  style.textContent = css;
  root.append(style);
}

/** The selection inside a shadow root, as a live Range, in both engines (see comment). */
export function selectionRange(root: ShadowRoot): Range | undefined {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    // Chromium reports a selection inside a shadow tree as collapsed on the host.
    const inner = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    if (!inner || inner.rangeCount === 0 || inner.isCollapsed) return undefined;
    return inner.getRangeAt(0);
  }
  // The standard way: composed ranges that may point into this shadow root.
  const composed = (selection as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }).getComposedRanges;
  if (composed) {
    try {
      const [r] = composed.call(selection, { shadowRoots: [root] });
      if (r && !r.collapsed && root.contains(r.startContainer)) {
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      }
    } catch {
      // an older signature; the range below serves
    }
  }
  const range = selection.getRangeAt(0);
  return root.contains(range.startContainer) && !range.collapsed ? range : undefined;
}
