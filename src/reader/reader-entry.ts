/**
 * The reader bundle's entry: run by the background in the tab's isolated world (never imported
 * by the content script, never web-accessible). It leaves one handle on that world's global; a
 * handle found there from before an extension update is disposed of first, so there is never
 * more than one reader in a tab.
 */
import { readerController } from './reader-controller.ts';
import { READER_GLOBAL, type ReaderHandle } from './reader-global.ts';

const global = globalThis as unknown as Record<string, ReaderHandle | undefined>;
try {
  global[READER_GLOBAL]?.dispose();
} catch {
  // A copy whose extension context is gone may throw on the way out; it is being replaced anyway.
}
global[READER_GLOBAL] = readerController(document);
