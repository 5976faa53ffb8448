/**
 * Gives the browser a turn between chunks of work (input, rendering), then carries on: a task
 * that runs over 50 ms is one the user can feel. `scheduler.yield` where the browser has it, a
 * message-channel task elsewhere (a zero timeout is clamped to 4 ms after a few nestings).
 */
export function pause(win: Window): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new (win as unknown as typeof globalThis).MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves after the browser has painted the current state (a frame, then a task after it). */
export function afterPaint(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => void pause(win).then(resolve)));
}
