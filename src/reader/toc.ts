/**
 * A table of contents for long articles, from the body's h2 and h3. Short articles (fewer than
 * three headings) get none: a contents box with two entries is clutter.
 */
export const MIN_TOC_HEADINGS = 3;

export interface TocEntry {
  level: 2 | 3;
  text: string;
  target: HTMLElement;
}

export function tocEntries(body: ParentNode): TocEntry[] {
  return [...body.querySelectorAll<HTMLElement>('h2, h3')]
    .map((h) => ({ level: (h.tagName === 'H2' ? 2 : 3) as 2 | 3, text: (h.textContent ?? '').replace(/\s+/g, ' ').trim(), target: h }))
    .filter((e) => e.text !== '');
}

/**
 * Builds the contents box. Links carry fragment ids for printing and copying, but a click
 * scrolls inside the overlay instead of navigating the page underneath.
 */
export function buildToc(doc: Document, body: ParentNode, label: string): HTMLElement | null {
  const entries = tocEntries(body);
  if (entries.length < MIN_TOC_HEADINGS) return null;
  const nav = doc.createElement('nav');
  nav.className = 'toc';
  nav.setAttribute('aria-label', label);
  const details = doc.createElement('details');
  details.open = true;
  const summary = doc.createElement('summary');
  summary.textContent = label;
  const list = doc.createElement('ol');
  entries.forEach((entry, i) => {
    const id = `clearread-section-${i + 1}`;
    entry.target.id = id;
    entry.target.tabIndex = -1;
    const item = doc.createElement('li');
    item.className = `level-${entry.level}`;
    const link = doc.createElement('a');
    link.href = `#${id}`;
    link.textContent = entry.text;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      entry.target.scrollIntoView({ block: 'start' });
      entry.target.focus({ preventScroll: true });
    });
    item.append(link);
    list.append(item);
  });
  details.append(summary, list);
  nav.append(details);
  return nav;
}
