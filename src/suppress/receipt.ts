import type { SuppressionKind } from '../settings/schema.ts';

/** How many things of each kind were hidden on this page, for the popup's receipts. */
export type SuppressionReceipt = Record<SuppressionKind, number>;

export const emptyReceipt = (): SuppressionReceipt => ({ notificationPrompts: 0, shareButtons: 0 });
