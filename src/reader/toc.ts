/**
 * The contents box for long articles: the body's sections, numbered at the top level only, with
 * their subsections nested (unnumbered) under them. Headings a reader would not want listed are
 * left out: the page's own "Contents" heading (wikis keep their table of contents in the body)
 * and edit links inside headings ("History[edit]").
 */
export const MIN_TOC_HEADINGS = 3;
/** Open at first only where there is room and the list is long enough to be worth a look. */
export const OPEN_MIN_WIDTH = 720;
export const OPEN_MIN_ENTRIES = 6;

export interface TocEntry {
  level: number;
  text: string;
  target: HTMLElement;
  children: TocEntry[];
}

/** The page's own table-of-contents heading, in the languages the reader meets most. */
const CONTENTS_WORDS = new Set([
  'contents', 'table of contents', 'on this page', 'in this article', 'inhalt', 'inhaltsverzeichnis', 'sommaire',
  'table des matières', 'contenido', 'contenidos', 'índice', 'indice', 'sommario', 'inhoud', 'spis treści',
  'содержание', 'зміст', 'obsah', 'sisällys', 'innehåll', 'indhold', 'innhold', 'conteúdo', 'περιεχόμενα',
  'i̇çindekiler', 'içindekiler', 'المحتويات', 'תוכן עניינים', '目次', '目录', '目錄', '목차',
]);
/** An edit link as wikis put it inside headings: "edit", "[edit]", "edit source", and translations. */
const EDIT_LINK = /^\[?\s*(?:edit(?: source)?|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|editar código|modifica|bewerken|edytuj|править|редагувати|編集|编辑|편집)\s*\]?$/i;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A heading's words without its edit links. */
export function headingText(heading: Element): string {
  const clone = heading.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll('a, span')) if (EDIT_LINK.test(squash(el.textContent ?? ''))) el.remove();
  return squash((clone.textContent ?? '').replace(/\[\s*edit[^\]]*\]\s*$/i, ''));
}

const isContentsHeading = (text: string) => CONTENTS_WORDS.has(text.toLowerCase().replace(/[:：.]$/, ''));

/**
 * Sections as a two-level tree: the highest heading level present is the top; one level below it
 * nests; deeper levels are too fine for a contents box.
 */
export function tocEntries(body: ParentNode): TocEntry[] {
  const flat = [...body.querySelectorAll<HTMLElement>('h2, h3, h4')]
    .map((h) => ({ level: Number(h.tagName[1]), text: headingText(h), target: h, children: [] as TocEntry[] }))
    .filter((e) => e.text !== '' && !isContentsHeading(e.text));
  if (!flat.length) return [];
  const top = Math.min(...flat.map((e) => e.level));
  const tree: TocEntry[] = [];
  for (const entry of flat) {
    if (entry.level === top || !tree.length) tree.push({ ...entry, level: top });
    else if (entry.level === top + 1) tree.at(-1)!.children.push(entry);
  }
  return tree;
}

export const countEntries = (entries: TocEntry[]): number => entries.reduce((n, e) => n + 1 + e.children.length, 0);

export interface TocOptions {
  label: string;
  /** The overlay's width, to decide whether the box starts open. */
  viewportWidth: number;
  onFollow(target: HTMLElement, event: MouseEvent): void;
}

export interface Toc {
  /** The box at the head of the article. */
  box: HTMLElement;
  /** The same list again, for the toolbar's contents menu. */
  list(): HTMLElement;
  /** Every heading in order, for following the reading position. */
  targets: HTMLElement[];
  /** Marks the section being read (an index into `targets`), in every copy of the list. */
  setCurrent(index: number): void;
}

export function buildToc(doc: Document, body: ParentNode, options: TocOptions): Toc | null {
  const entries = tocEntries(body);
  const count = countEntries(entries);
  if (count < MIN_TOC_HEADINGS) return null;
  const targets: HTMLElement[] = [];
  const links: HTMLAnchorElement[][] = [];
  const ids = new Map<TocEntry, number>();
  const all = entries.flatMap((e) => [e, ...e.children]);
  all.forEach((entry) => {
    const index = targets.length;
    ids.set(entry, index);
    targets.push(entry.target);
    entry.target.id = `clearread-section-${index + 1}`;
    entry.target.tabIndex = -1;
    links.push([]);
  });

  const link = (entry: TocEntry) => {
    const index = ids.get(entry)!;
    const a = doc.createElement('a');
    a.href = `#${entry.target.id}`;
    a.textContent = entry.text;
    a.setAttribute('dir', 'auto');
    // Links keep fragment ids for copying, but following one scrolls the reader, not the page.
    a.addEventListener('click', (event) => {
      event.preventDefault();
      options.onFollow(entry.target, event);
    });
    links[index]!.push(a);
    return a;
  };
  const list = () => {
    const ol = doc.createElement('ol');
    ol.className = 'toc-list';
    for (const entry of entries) {
      const item = doc.createElement('li');
      item.append(link(entry));
      if (entry.children.length) {
        const sub = doc.createElement('ul');
        for (const child of entry.children) {
          const li = doc.createElement('li');
          li.append(link(child));
          sub.append(li);
        }
        item.append(sub);
      }
      ol.append(item);
    }
    return ol;
  };

  const nav = doc.createElement('nav');
  nav.className = 'toc';
  nav.setAttribute('aria-label', options.label);
  const details = doc.createElement('details');
  details.open = options.viewportWidth >= OPEN_MIN_WIDTH && count >= OPEN_MIN_ENTRIES;
  const summary = doc.createElement('summary');
  summary.textContent = options.label;
  details.append(summary, list());
  nav.append(details);

  let current = -1;
  return {
    box: nav,
    list,
    targets,
    setCurrent(index) {
      if (index === current) return;
      for (const a of links[current] ?? []) a.removeAttribute('aria-current');
      current = index;
      for (const a of links[current] ?? []) a.setAttribute('aria-current', 'location');
    },
  };
}

/**
 * Follows the reading position: the current section is the last one whose heading has passed the
 * reading line, a third of the way down. Checked once a frame while scrolling, by a binary search
 * over the headings (a few reads of a layout that scrolling leaves clean); an IntersectionObserver
 * would miss a heading that a jump carried from below the line to above it in one go.
 */
export function followSections(scroller: HTMLElement, targets: HTMLElement[], onChange: (index: number) => void): () => void {
  const win = scroller.ownerDocument.defaultView;
  if (!win || !targets.length) return () => {};
  let frame = 0;
  const update = () => {
    frame = 0;
    const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3;
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targets[mid]!.getBoundingClientRect().top <= line) lo = mid + 1;
      else hi = mid;
    }
    onChange(lo - 1);
  };
  const schedule = () => {
    frame ||= win.requestAnimationFrame(update);
  };
  scroller.addEventListener('scroll', schedule, { passive: true });
  win.addEventListener('resize', schedule);
  schedule();
  return () => {
    if (frame) win.cancelAnimationFrame(frame);
    scroller.removeEventListener('scroll', schedule);
    win.removeEventListener('resize', schedule);
  };
}
