/**
 * Highlights in the exports. The reader's marks (mark[data-reader-highlight], note in the title)
 * are already in the body the exports serialise; this turns a copy of it into what a file should
 * hold: plain <mark> elements with their colour as a class, a numbered reference after the last
 * mark of each highlight that has a note, and the notes in order. The read-aloud marks (reader
 * plumbing) are unwrapped. Pure: works on the copy it is given.
 */
export interface ExportNote {
  n: number;
  text: string;
}

export const NOTE_REF_ATTR = 'data-note-ref';

export function prepareHighlights(clone: Element): ExportNote[] {
  for (const wrapper of clone.querySelectorAll('[data-reader-speaking], [data-reader-speaking-word]')) wrapper.replaceWith(...wrapper.childNodes);
  const doc = clone.ownerDocument;
  const marks = [...clone.querySelectorAll('mark[data-reader-highlight]')];
  const lastOf = new Map<string, Element>();
  for (const m of marks) lastOf.set(m.getAttribute('data-reader-highlight')!, m);
  const notes: ExportNote[] = [];
  for (const m of marks) {
    const id = m.getAttribute('data-reader-highlight')!;
    const note = (m.getAttribute('title') ?? '').trim();
    const color = m.getAttribute('data-color');
    for (const attr of [...m.attributes]) m.removeAttribute(attr.name);
    if (color && /^[a-z]+$/.test(color)) m.setAttribute('class', `highlight-${color}`);
    if (note) m.setAttribute('title', note);
    if (note && lastOf.get(id) === m) {
      const ref = doc.createElement('sup');
      const n = notes.length + 1;
      ref.setAttribute(NOTE_REF_ATTR, String(n));
      m.after(ref);
      notes.push({ n, text: note });
    }
  }
  return notes;
}
