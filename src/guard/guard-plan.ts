/**
 * Where the native guard runs, from the settings: everywhere on the web minus the sites the user
 * switched notification-prompt suppression off for, or, when it is off globally, only on the sites
 * switched on. `undefined` means nowhere: the guard is unregistered.
 */
import type { Settings } from '../settings/schema.ts';

export const WEB_PAGES = ['http://*/*', 'https://*/*'];

// Stricter than the settings' own host check: one bad match pattern fails the whole registration.
const VALID_HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/i;

export interface GuardPlan {
  matches: string[];
  excludeMatches: string[];
}

const patternFor = (host: string) => `*://${host.toLowerCase()}/*`;

export function guardPlan(settings: Settings): GuardPlan | undefined {
  const on: string[] = [];
  const off: string[] = [];
  for (const [host, site] of Object.entries(settings.sites)) {
    const choice = site.suppress?.notificationPrompts;
    if (choice === undefined || !VALID_HOST.test(host)) continue;
    (choice ? on : off).push(patternFor(host));
  }
  if (settings.suppress.notificationPrompts) return { matches: WEB_PAGES, excludeMatches: off.sort() };
  return on.length ? { matches: on.sort(), excludeMatches: [] } : undefined;
}

export function samePlan(a: GuardPlan | undefined, b: GuardPlan | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
