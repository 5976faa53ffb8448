/**
 * The popup's receipts section: what was hidden on this tab. Kept apart so the section can grow
 * (a list of what was hidden, with undo) without touching the rest of the popup.
 */
import { SUPPRESSION_KINDS, type SuppressionKind } from '../settings/schema.ts';
import type { SuppressionReceipt } from '../suppress/receipt.ts';

const RECEIPT_WORDS: Record<SuppressionKind, [string, string]> = {
  notificationPrompts: ['notification prompt', 'notification prompts'],
  shareButtons: ['share bar', 'share bars'],
};

export function describeReceipt(receipt: SuppressionReceipt): string {
  const parts = SUPPRESSION_KINDS.filter((k) => receipt[k] > 0).map((k) => {
    const [one, many] = RECEIPT_WORDS[k];
    return `${receipt[k]} ${receipt[k] === 1 ? one : many}`;
  });
  return parts.length ? `Hidden on this page: ${parts.join(', ')}.` : '';
}

export function showReceipts(section: HTMLElement, receipt: SuppressionReceipt | undefined): void {
  const line = section.querySelector<HTMLElement>('#receipt')!;
  line.textContent = receipt ? describeReceipt(receipt) : '';
  line.hidden = line.textContent === '';
}
