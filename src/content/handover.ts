/**
 * An extension update (or reload) while a tab is open leaves the old content script orphaned:
 * its extension API is gone, but its observers and timers still run. The new script announces
 * itself with a DOM event; an orphan that hears it stops without touching the page. A page can
 * send the same event, but only a script whose extension is really gone acts on it, and that
 * is checked through the extension API, which no page can fake.
 *
 * Firefox discards the old script's world instead, so there only the marks it left on the page
 * remain, and the new suppressor adopts or clears them.
 */
import { alive } from '../platform/live-api.ts';

const EVENT = 'clearread-handover';

/** Stops `stop` when this script is orphaned and a successor arrives; tells any orphan to stop. */
export function handOver(stop: () => void): void {
  document.dispatchEvent(new Event(EVENT));
  const listener = () => {
    if (alive()) return;
    document.removeEventListener(EVENT, listener);
    stop();
  };
  document.addEventListener(EVENT, listener);
}

/** Runs `work` in idle time, unless this script was orphaned meanwhile: then `orphaned` instead. */
export function idleWhileAlive(orphaned: () => void) {
  return (work: (deadline: IdleDeadline) => void): void => {
    const run = (deadline: IdleDeadline) => (alive() ? work(deadline) : orphaned());
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 150 });
    else setTimeout(() => run({ didTimeout: true, timeRemaining: () => 8 }), 16);
  };
}
