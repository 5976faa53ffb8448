/**
 * A prompt in the top layer needs more than `display: none`: a `<dialog>` opened with showModal()
 * keeps the rest of the page inert while it is open, hidden or not. Such a dialog is closed (the
 * browser then gives focus back to what had it before), and opened again as it was on undo.
 * A page that re-opens it every time it is closed gets it closed a few times, then hidden only:
 * we must never join a loop.
 */

const MAX_CLOSES = 3;

export interface Closed {
  dialog: HTMLDialogElement;
  modal: boolean;
}

const closes = new WeakMap<Element, number>();

const isModal = (dialog: Element): boolean => {
  try {
    return dialog.matches(':modal');
  } catch {
    return false; // an engine without :modal has no modal dialogs to speak of
  }
};

/** Closes the open dialogs at or inside `el` (modal ones first of all); returns what to re-open on undo. */
export function closeDialogs(el: Element): Closed[] {
  const out: Closed[] = [];
  const dialogs = [...(el.matches('dialog[open]') ? [el] : []), ...el.querySelectorAll('dialog[open]')] as HTMLDialogElement[];
  for (const dialog of dialogs) {
    const count = closes.get(dialog) ?? 0;
    if (count >= MAX_CLOSES || typeof dialog.close !== 'function') continue;
    closes.set(dialog, count + 1);
    const modal = isModal(dialog);
    try {
      dialog.close();
      out.push({ dialog, modal });
    } catch {
      // A dialog the page has frozen stays as it is; the stylesheet still hides it.
    }
  }
  // Focus must not stay in something the reader cannot see.
  const active = el.ownerDocument.activeElement as HTMLElement | null;
  if (active && el.contains(active) && typeof active.blur === 'function') active.blur();
  return out;
}

export function reopenDialogs(closed: readonly Closed[]): void {
  for (const { dialog, modal } of closed) {
    if (!dialog.isConnected || dialog.open) continue;
    try {
      if (modal) dialog.showModal();
      else dialog.show();
    } catch {
      // Gone from the top layer's reach (moved into an inert subtree): leave it closed.
    }
  }
}
