/**
 * The toolbar's pop-ups: the "Aa" settings panel, the contents list and the "More" menu. One
 * open at a time; Esc, a click elsewhere or a second press of the button closes it and gives
 * focus back to the button. Menus move with the arrow keys, as menus do. Every handler acts on
 * the user's own input only: the page can reach these elements but not make trusted events.
 */
import { isTrusted } from './trusted.ts';

export interface Popover {
  button: HTMLButtonElement;
  surface: HTMLElement;
  open(): void;
  close(returnFocus?: boolean): void;
  isOpen(): boolean;
}

export interface PopoverGroup {
  add(button: HTMLButtonElement, surface: HTMLElement, kind: 'menu' | 'dialog', onOpen?: () => void): Popover;
  /** Closes the open one, if any; true when there was one (so Esc stops there). */
  closeOpen(): boolean;
  anyOpen(): boolean;
  destroy(): void;
}

let ids = 0;

export function popoverGroup(root: HTMLElement): PopoverGroup {
  const all: Popover[] = [];
  let current: Popover | undefined;

  const onPointerDown = (event: PointerEvent) => {
    if (!current || !isTrusted(event)) return;
    const path = event.composedPath();
    if (!path.includes(current.surface) && !path.includes(current.button)) current.close(false);
  };
  root.addEventListener('pointerdown', onPointerDown, true);

  // Items a narrow or wide screen does not show (a feature control's stand-in) are skipped.
  const items = (surface: HTMLElement) => [...surface.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])')]
    .filter((item) => item.ownerDocument.defaultView?.getComputedStyle(item).display !== 'none');

  return {
    add(button, surface, kind, onOpen) {
      const id = `clearread-popover-${++ids}`;
      surface.id = id;
      surface.hidden = true;
      surface.setAttribute('role', kind);
      button.setAttribute('aria-haspopup', kind);
      button.setAttribute('aria-expanded', 'false');
      button.setAttribute('aria-controls', id);
      const popover: Popover = {
        button,
        surface,
        isOpen: () => current === popover,
        open() {
          if (current && current !== popover) current.close(false);
          current = popover;
          onOpen?.();
          surface.hidden = false;
          button.setAttribute('aria-expanded', 'true');
          let first = kind === 'menu' ? items(surface)[0] : surface.querySelector<HTMLElement>('button, input, a[href], [tabindex="0"]');
          // A group of radio buttons is entered at its chosen one, as Tab would.
          if (first instanceof HTMLInputElement && first.type === 'radio') {
            first = surface.querySelector<HTMLElement>(`input[type="radio"][name="${first.name}"]:checked`) ?? first;
          }
          (first ?? surface).focus({ preventScroll: true });
        },
        close(returnFocus = true) {
          if (current !== popover) return;
          current = undefined;
          surface.hidden = true;
          button.setAttribute('aria-expanded', 'false');
          if (returnFocus) button.focus({ preventScroll: true });
        },
      };
      button.addEventListener('click', (event) => {
        if (!isTrusted(event)) return;
        if (popover.isOpen()) popover.close();
        else popover.open();
      });
      if (kind === 'menu') {
        surface.addEventListener('keydown', (event) => {
          if (!isTrusted(event)) return;
          const list = items(surface);
          const at = list.indexOf(event.composedPath()[0] as HTMLElement);
          const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[event.key];
          if (move !== undefined) {
            event.preventDefault();
            list[(move + list.length) % list.length]?.focus();
          } else if (event.key === 'Tab') {
            popover.close(false);
          }
        });
        // Choosing an item closes the menu (the item's own handler runs first).
        surface.addEventListener('click', (event) => {
          if (isTrusted(event) && (event.target as Element).closest('[role="menuitem"]')) popover.close();
        });
      }
      all.push(popover);
      return popover;
    },
    closeOpen() {
      if (!current) return false;
      current.close();
      return true;
    },
    anyOpen: () => current !== undefined,
    destroy() {
      root.removeEventListener('pointerdown', onPointerDown, true);
      current = undefined;
      all.length = 0;
    },
  };
}
