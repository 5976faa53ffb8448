/// <reference types="@crxjs/vite-plugin/client" />
/**
 * Keeps the native prompt guard registered where the settings want it. A MAIN-world script cannot
 * read extension storage before page scripts run, so the choice is made here, in the match
 * patterns, and takes effect from the next page load. Runs at every background start (the
 * registration persists, but settings may have changed while the background slept) and on every
 * settings change.
 */
import guardFile from '../guard/main-world.ts?iife';
import { guardPlan, samePlan, type GuardPlan } from '../guard/guard-plan.ts';
import { registeredMainWorldScript, registerMainWorldScript, unregisterMainWorldScript } from '../platform/extension-api.ts';
import { loadSettings, watchSettings } from '../settings/settings-store.ts';
import type { Settings } from '../settings/schema.ts';

export const GUARD_ID = 'clearread-notification-guard';

async function apply(plan: GuardPlan | undefined): Promise<void> {
  const current = await registeredMainWorldScript(GUARD_ID);
  const registered = current && current.js.some((f) => f.endsWith(guardFile))
    ? { matches: [...current.matches].sort(), excludeMatches: [...current.excludeMatches].sort() }
    : undefined;
  if (samePlan(registered, plan && { matches: [...plan.matches].sort(), excludeMatches: plan.excludeMatches })) return;
  if (!plan) await unregisterMainWorldScript(GUARD_ID);
  else await registerMainWorldScript({ id: GUARD_ID, js: [guardFile], ...plan });
}

function startGuardRegistration(): void {
  // One change at a time, in order: overlapping unregister/register calls would race.
  let queue = Promise.resolve();
  const sync = (settings: Settings) => {
    queue = queue.then(() => apply(guardPlan(settings))).catch((error: unknown) => {
      console.warn('ClearRead: could not update the notification guard', error);
    });
  };
  void loadSettings().then(sync);
  watchSettings(sync);
}

startGuardRegistration();
