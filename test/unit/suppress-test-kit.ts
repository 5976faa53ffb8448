/** A live suppressor under the test's control: its clock, and when idle work runs. */
import { createLiveSuppressor, type LiveSuppressor, type SuppressorEnv } from '../../src/suppress/live-suppressor.ts';
import { RULES, type SuppressionRule } from '../../src/suppress/rules.ts';

export const ON = { notificationPrompts: true, shareButtons: true };
export const OFF = { notificationPrompts: false, shareButtons: false };

export interface Controlled {
  suppressor: LiveSuppressor;
  /** Moves the clock on. */
  tick(ms: number): void;
  /** Lets the observer see the page's changes, then does the idle work at once. */
  settle(): Promise<void>;
  /** How many idle batches were asked for. */
  readonly idleRequests: number;
}

export function controlled(doc: Document, rules: readonly SuppressionRule[] = RULES, env: SuppressorEnv = {}): Controlled {
  let t = 10_000;
  let idleRequests = 0;
  const suppressor = createLiveSuppressor(doc, rules, {
    now: () => t,
    idle: () => { idleRequests += 1; },
    later: () => {},
    ...env,
  });
  return {
    suppressor,
    tick(ms) { t += ms; },
    async settle() {
      await Promise.resolve();
      await Promise.resolve();
      suppressor.flush();
    },
    get idleRequests() { return idleRequests; },
  };
}
