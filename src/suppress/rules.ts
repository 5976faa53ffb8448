/**
 * Suppression rules as data. Each rule names the vendor, what kind of clutter it is, the
 * selectors that find it, and the fixture page under test/fixtures/suppress/ that proves it
 * (test/unit/suppress-rules.test.ts loads every fixture and checks its rule against it).
 */
import type { SuppressionKind } from '../settings/schema.ts';

export interface SuppressionRule {
  id: string;
  kind: SuppressionKind;
  vendor: string;
  selectors: readonly string[];
  /** File name in test/fixtures/suppress/ with at least one element the rule must hide. */
  fixture: string;
  /** Classes the vendor puts on <html>/<body> to stop the page scrolling while it shows. */
  scrollLockClasses?: readonly string[];
}

export const RULES: readonly SuppressionRule[] = [
  {
    id: 'onesignal-slidedown',
    kind: 'notificationPrompts',
    vendor: 'OneSignal',
    selectors: ['#onesignal-slidedown-container', '.onesignal-slidedown-container', '#onesignal-popover-container'],
    fixture: 'onesignal-slidedown.html',
  },
  {
    id: 'onesignal-bell',
    kind: 'notificationPrompts',
    vendor: 'OneSignal',
    selectors: ['#onesignal-bell-container', '.onesignal-bell-container'],
    fixture: 'onesignal-bell.html',
  },
];

export function selectorsFor(kind: SuppressionKind, rules: readonly SuppressionRule[] = RULES): string[] {
  return rules.filter((r) => r.kind === kind).flatMap((r) => r.selectors);
}
