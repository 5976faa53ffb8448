/**
 * The injected reader's handle. The reader is not part of the content script: the background
 * runs it in the tab's isolated world on demand (scripting.executeScript), where it leaves this
 * one object on the isolated world's global. Pages cannot see that world, and nothing of the
 * reader is web-accessible, so a page has nothing to probe for.
 *
 * The content script (same world) reads the state through `readerHandle`; the background calls
 * `run` through a self-contained function it injects (see background/reader-injection.ts).
 */
import type { ReaderState } from '../messages.ts';

export const READER_GLOBAL = '__clearReadReader';

/** toggle: open or close; open: open unless open; prepare: get the article ready in idle time. */
export type ReaderAction = 'toggle' | 'open' | 'prepare';

export interface ReaderHandle {
  /**
   * False once the extension that injected this copy was updated or removed. Chrome keeps the
   * old copy's code running in the same isolated world, so a new copy must not trust it.
   */
  alive(): boolean;
  run(action: ReaderAction): Promise<ReaderState>;
  state(): ReaderState;
  /** Closes any open reader and drops everything held, for good (a newer copy takes over). */
  dispose(): void;
}

export function readerHandle(): ReaderHandle | undefined {
  const handle = (globalThis as Record<string, unknown>)[READER_GLOBAL] as Partial<ReaderHandle> | undefined;
  return handle && typeof handle.alive === 'function' && handle.alive() ? (handle as ReaderHandle) : undefined;
}
