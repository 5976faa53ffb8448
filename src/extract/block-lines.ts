/**
 * An element's text as the reader sees it laid out: one line per block, line break or element run
 * into its neighbour without a space. `textContent` glues "<span>Jane Doe</span><span>Staff
 * Writer</span>" into "Jane DoeStaff Writer"; read by lines, the name and the role are apart, with
 * no list of roles.
 */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'sub', 'sup', 'u', 'wbr', 'code', 'cite', 'dfn', 'kbd', 'var', 'strong', 'font', 'time', 'label']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'select', 'option']);

export function linesOf(el: Element, maxElements = 200): string[] {
  const lines: string[] = [''];
  let seen = 0;
  const last = () => lines[lines.length - 1]!;
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c && seen < maxElements; c = c.nextSibling) {
      if (c.nodeType === 3) {
        lines[lines.length - 1] += c.nodeValue ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      seen++;
      const name = (c as Element).localName;
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        lines.push('');
        continue;
      }
      const text = c.textContent ?? '';
      if (!INLINE.has(name)) {
        lines.push('');
        walk(c);
        lines.push('');
        continue;
      }
      // An inline element run into the text before or after it without a space is set apart.
      if (/\S$/.test(last()) && /^\S/.test(text)) lines.push('');
      walk(c);
      const next = c.nextSibling;
      if (/\S$/.test(text) && next && /^\S/.test(next.textContent ?? '')) lines.push('');
    }
  };
  walk(el);
  return lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
