/**
 * The popup's receipt: what was hidden on this tab, in every frame, and where. One summary line
 * ("Hidden on this page: 2 notification prompts, 1 share bar.") that opens into a list; each entry
 * names the thing, where it sat and what it said, and has a button to bring it back on its own.
 * Text goes in as text.
 */
import { sendToBackground } from '../platform/extension-api.ts';
import { SUPPRESSION_KINDS, type SuppressionKind } from '../settings/schema.ts';
import type { FrameReceipt, HiddenEntry } from '../suppress/receipt.ts';
import './receipts.css';

const WORDS: Record<SuppressionKind, [one: string, many: string, title: string]> = {
  notificationPrompts: ['notification prompt', 'notification prompts', 'Notification prompt'],
  shareButtons: ['share bar', 'share bars', 'Share bar'],
};

export function summarize(frames: readonly FrameReceipt[]): string {
  const counts = Object.fromEntries(SUPPRESSION_KINDS.map((k) => [k, 0])) as Record<SuppressionKind, number>;
  for (const frame of frames) for (const e of frame.entries) counts[e.kind] += 1;
  const parts = SUPPRESSION_KINDS.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${counts[k] === 1 ? WORDS[k][0] : WORDS[k][1]}`);
  return parts.length ? `Hidden on this page: ${parts.join(', ')}.` : '';
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

function entryItem(entry: HiddenEntry, frame: FrameReceipt, onRestore: (button: HTMLButtonElement) => void): HTMLLIElement {
  const li = el('li');
  li.dataset.kind = entry.kind;
  const what = `${WORDS[entry.kind][2]}${entry.vendor === 'site-made' ? '' : ` (${entry.vendor})`}`;
  const where = frame.frameId === 0 ? entry.where : `${entry.where}, in a frame from ${frame.host}`;
  const text = el('div', undefined, 'entry');
  text.append(el('strong', what), el('span', where, 'where'));
  if (entry.label) text.append(el('q', entry.label, 'said'));
  const button = el('button', 'Show', 'link');
  button.type = 'button';
  button.setAttribute('aria-label', `Show this ${WORDS[entry.kind][0]} again`);
  button.addEventListener('click', () => onRestore(button));
  li.append(text, button);
  return li;
}

/** Fills `container` with the tab's receipt (or hides it when nothing was hidden). */
export async function showReceipts(container: HTMLElement, tabId: number | undefined): Promise<void> {
  const frames = await sendToBackground('get-receipts', { tabId }).catch(() => [] as FrameReceipt[]);
  const summary = summarize(frames ?? []);
  const wasOpen = container.querySelector('details')?.open ?? false;
  container.replaceChildren();
  container.hidden = summary === '';
  if (!summary) return;
  const details = el('details');
  details.open = wasOpen;
  details.append(el('summary', summary));
  const list = el('ul');
  for (const frame of frames) {
    for (const entry of frame.entries) {
      list.append(entryItem(entry, frame, async (button) => {
        button.disabled = true;
        const ok = await sendToBackground('restore-hidden', { tabId, frameId: frame.frameId, id: entry.id }).catch(() => false);
        if (ok) {
          await showReceipts(container, tabId);
          container.querySelector('details')?.setAttribute('open', '');
          const status = container.querySelector('[role="status"]') ?? container.appendChild(el('p', '', 'restored'));
          status.setAttribute('role', 'status');
          status.textContent = `Brought back: ${WORDS[entry.kind][0]}.`;
          container.hidden = false;
        } else {
          button.disabled = false;
        }
      }));
    }
  }
  details.append(list);
  container.append(details);
}
