/**
 * The reader's toolbar: one row on any screen. Close at the start; at the end the contents list
 * (when the article has sections), "Aa" (the settings panel: theme, font, size, width, spacing,
 * alignment, live) and "More" (export and print, in plain words). Slots between them take the
 * reader features' controls (read aloud, highlights; see feature-host.ts); a feature control
 * that does not fit a phone's row has a twin item in the More menu, shown only there. Under the
 * row, a panel row for the features (the player, the highlights list) moves with the toolbar. It
 * steps out of the way while reading down and comes back on scrolling up, on keyboard focus, or
 * with the pointer at the top.
 */
import { bindSettingsForm, buildSettingsForm } from '../popup/settings-form.ts';
import { i18n } from '../platform/extension-api.ts';
import { icon, type IconName } from './icons.ts';
import { popoverGroup, type PopoverGroup } from './popover.ts';
import { t, type ReaderString, type UiLocale } from './strings.ts';
import { isTrusted } from './trusted.ts';

export type ExportKind = 'copy-markdown' | 'save-markdown' | 'save-html';
export type ToolbarAction = ExportKind | 'print' | 'close' | 'options';

/** Where later features put their toolbar controls (issue 13: read aloud, highlights). */
export type ToolbarSlot = 'listen' | 'highlight';

export interface Toolbar {
  element: HTMLElement;
  settingsForm: HTMLFormElement;
  popovers: PopoverGroup;
  /** The contents list for the contents pop-up, or none (the button hides). */
  setContents(list: HTMLElement | null): void;
  slot(name: ToolbarSlot): HTMLElement;
  /** The row under the buttons where features open their panels. */
  panels: HTMLElement;
  /**
   * An item in the More menu standing in for a feature's toolbar control on narrow screens (where
   * the control itself is not shown). Its action runs after the menu has closed, so it may move
   * the focus.
   */
  overflowItem(slot: ToolbarSlot, label: string, onSelect: () => void): HTMLButtonElement;
  /** The More button: where focus goes back to when an overflowed control's panel closes. */
  moreButton: HTMLButtonElement;
  /** The bottom of the toolbar as it will rest (0 height when it has stepped away), client y. */
  obscuredBottom(): number;
  /** Follows the scroll: hides going down, shows going up. */
  follow(scroller: HTMLElement): void;
  destroy(): void;
}

function toolButton(doc: Document, action: string, label: ReaderString, content: IconName | string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'tool';
  b.setAttribute('data-reader-action', action);
  b.setAttribute('aria-label', t(label));
  b.title = t(label);
  if (content === 'close' || content === 'contents' || content === 'more') b.append(icon(doc, content));
  else {
    const text = doc.createElement('span');
    text.setAttribute('aria-hidden', 'true');
    text.textContent = content;
    b.append(text);
  }
  return b;
}

function menuItem(doc: Document, label: ReaderString, action: ToolbarAction, onAction: (a: ToolbarAction) => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.setAttribute('role', 'menuitem');
  b.setAttribute('data-reader-action', action);
  b.tabIndex = -1;
  b.textContent = t(label);
  b.addEventListener('click', (event) => {
    if (isTrusted(event)) onAction(action);
  });
  return b;
}

export function createToolbar(doc: Document, locale: UiLocale, onAction: (action: ToolbarAction) => void): Toolbar {
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('readerControls'));
  bar.lang = locale.lang;
  bar.dir = locale.dir;
  const popovers = popoverGroup(bar);

  const close = toolButton(doc, 'close', 'closeReader', 'close');
  close.classList.add('close');
  close.addEventListener('click', (event) => {
    if (isTrusted(event)) onAction('close');
  });
  const spacer = doc.createElement('span');
  spacer.className = 'spacer';
  const slots = new Map<ToolbarSlot, HTMLElement>();
  for (const name of ['listen', 'highlight'] as const) {
    const slot = doc.createElement('span');
    slot.className = 'slot';
    slot.setAttribute('data-slot', name);
    slots.set(name, slot);
  }

  const wrap = (button: HTMLButtonElement, surface: HTMLElement) => {
    const w = doc.createElement('div');
    w.className = 'tool-wrap';
    surface.classList.add('popup');
    w.append(button, surface);
    return w;
  };

  // Contents
  const contentsButton = toolButton(doc, 'contents', 'contents', 'contents');
  const contents = doc.createElement('nav');
  contents.className = 'contents-popup';
  contents.setAttribute('aria-label', t('contents'));
  const contentsWrap = wrap(contentsButton, contents);
  contentsWrap.hidden = true;
  popovers.add(contentsButton, contents, 'dialog');
  // Following a section closes the list (the link's own handler scrolls first).
  contents.addEventListener('click', (event) => {
    if (isTrusted(event) && (event.target as Element).closest('a')) popovers.closeOpen();
  });

  // Aa: the settings panel, built by the same module as the popup's and the options page's.
  const settingsButton = toolButton(doc, 'settings', 'settings', 'Aa');
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('aria-label', t('settingsTitle'));
  const form = doc.createElement('form');
  form.className = 'settings';
  form.setAttribute('aria-label', t('settingsTitle'));
  form.addEventListener('submit', (event) => event.preventDefault());
  const actions = doc.createElement('div');
  actions.className = 'panel-actions';
  const reset = doc.createElement('button');
  reset.type = 'button';
  reset.className = 'link';
  reset.setAttribute('data-action', 'reset');
  reset.textContent = i18n('resetReader');
  const more = doc.createElement('button');
  more.type = 'button';
  more.className = 'link';
  more.textContent = t('moreSettings');
  more.addEventListener('click', (event) => {
    if (isTrusted(event)) onAction('options');
  });
  actions.append(reset, more);
  form.append(actions);
  buildSettingsForm(form, 'panel');
  bindSettingsForm(form, { trustedOnly: true });
  panel.append(form);
  popovers.add(settingsButton, panel, 'dialog');

  // More: export and print
  const moreButton = toolButton(doc, 'more', 'more', 'more');
  const menu = doc.createElement('div');
  menu.className = 'menu';
  menu.setAttribute('aria-label', t('more'));
  menu.append(
    menuItem(doc, 'copyMarkdown', 'copy-markdown', onAction),
    menuItem(doc, 'saveMarkdown', 'save-markdown', onAction),
    menuItem(doc, 'saveHtml', 'save-html', onAction),
    menuItem(doc, 'print', 'print', onAction));
  popovers.add(moreButton, menu, 'menu');
  // Feature controls that move into the menu on a phone, above export and print.
  const overflow = doc.createElement('div');
  overflow.className = 'overflow-items';
  overflow.setAttribute('role', 'none');
  menu.prepend(overflow);

  const panels = doc.createElement('div');
  panels.className = 'feature-panels';

  const row = doc.createElement('div');
  row.className = 'bar-row';
  row.append(close, spacer, slots.get('listen')!, slots.get('highlight')!, contentsWrap, wrap(settingsButton, panel), wrap(moreButton, menu));
  bar.append(row, panels);

  let scroller: HTMLElement | undefined;
  let last = 0;
  let frame = 0;
  const win = doc.defaultView!;
  const setHidden = (hidden: boolean) => bar.toggleAttribute('data-hidden', hidden && !popovers.anyOpen());
  /** Hidden by the scroll and not held by the keyboard focus (the CSS rule that moves it away). */
  const steppedAway = () => {
    if (!bar.hasAttribute('data-hidden')) return false;
    try {
      return !bar.matches(':focus-within');
    } catch {
      return true;
    }
  };
  // Only the user's own reading down hides the bar: a scroll the reader makes itself (the resumed
  // position, the sentence read aloud kept in view, a jump to a highlight) leaves it where it is,
  // so the controls just used (Listen, the player) stay in reach.
  let lastInput = Number.NEGATIVE_INFINITY;
  const USER_SCROLL_MS = 1000;
  const typing = (event: Event) => {
    const target = event.composedPath()[0];
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  };
  const SCROLL_KEYS = new Set([' ', 'PageDown', 'PageUp', 'ArrowDown', 'ArrowUp', 'End', 'Home']);
  const onInput = (event: Event) => {
    if (!isTrusted(event)) return;
    // A key that scrolls, the scrollbar (a press on the scroller itself), a drag: not K or a click
    // on a paragraph, which start reading aloud and its scrolling.
    if (event.type === 'keydown' && (!SCROLL_KEYS.has((event as KeyboardEvent).key) || typing(event))) return;
    if (event.type === 'pointerdown' && event.composedPath()[0] !== scroller) return;
    if (event.type === 'pointermove' && !(event as PointerEvent).buttons) return;
    lastInput = win.performance.now();
  };
  const INPUTS = ['wheel', 'touchmove', 'keydown', 'pointerdown', 'pointermove'] as const;
  const onScroll = () => {
    frame ||= win.requestAnimationFrame(() => {
      frame = 0;
      if (!scroller) return;
      const y = scroller.scrollTop;
      const byUser = win.performance.now() - lastInput < USER_SCROLL_MS;
      if (y < 80 || y < last - 8) setHidden(false);
      else if (y > last + 8 && byUser) setHidden(true);
      if (Math.abs(y - last) > 8 || y < 80) last = y;
    });
  };
  const onPointer = (event: PointerEvent) => {
    if (isTrusted(event) && event.clientY < 56) setHidden(false);
  };

  return {
    element: bar,
    settingsForm: form,
    popovers,
    setContents(list) {
      contents.replaceChildren(...(list ? [list] : []));
      contentsWrap.hidden = !list;
    },
    slot: (name) => slots.get(name)!,
    panels,
    moreButton,
    overflowItem(slot, label, onSelect) {
      const item = doc.createElement('button');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.setAttribute('data-overflow-of', slot);
      item.tabIndex = -1;
      item.textContent = label;
      item.addEventListener('click', (event) => {
        // The menu closes (and gives focus back to More) after this handler: act after that.
        if (isTrusted(event)) win.setTimeout(onSelect, 0);
      });
      overflow.append(item);
      return item;
    },
    obscuredBottom() {
      // Measured without the transform, which is mid-way while the bar slides.
      const top = (scroller ?? bar.parentElement ?? bar).getBoundingClientRect().top;
      return steppedAway() ? top : top + bar.offsetHeight;
    },
    follow(s) {
      scroller = s;
      s.addEventListener('scroll', onScroll, { passive: true });
      s.addEventListener('pointermove', onPointer, { passive: true });
      for (const type of INPUTS) win.addEventListener(type, onInput, { capture: true, passive: true });
    },
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      scroller?.removeEventListener('scroll', onScroll);
      scroller?.removeEventListener('pointermove', onPointer);
      for (const type of INPUTS) win.removeEventListener(type, onInput, { capture: true });
      popovers.destroy();
    },
  };
}
