/**
 * Non-space characters under each element of a tree, measured in one walk and kept current as
 * elements are removed. The clean-up passes ask "is this block short?" of thousands of elements;
 * reading each one's textContent makes that quadratic on long articles. A block's normalised text
 * is never shorter than its non-space count, so a count over a limit rules the block out exactly.
 */
export class TextSizes {
  private readonly sizes = new Map<Element, number>();

  constructor(root: Element) {
    this.measure(root);
  }

  private measure(el: Element): number {
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) n += nonSpace(c.nodeValue ?? '');
      else if (c.nodeType === 1) n += this.measure(c as Element);
    }
    this.sizes.set(el, n);
    return n;
  }

  /** Non-space characters of text under `el` (0 for an element added after measuring). */
  of(el: Element): number {
    return this.sizes.get(el) ?? 0;
  }

  /** Removes `el` from the tree and its text from its ancestors' counts. */
  remove(el: Element): void {
    const n = this.of(el);
    for (let a = el.parentElement; a; a = a.parentElement) {
      const size = this.sizes.get(a);
      if (size !== undefined) this.sizes.set(a, size - n);
    }
    el.remove();
  }
}

function nonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Whitespace as the clean-up's /\s/ sees it: ASCII spaces, NBSP and the Unicode spaces.
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) n++;
  }
  return n;
}
