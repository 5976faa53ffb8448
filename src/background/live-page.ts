/**
 * The background's part in the live page: the popup's receipt (gathered from every frame of the
 * tab), bringing one hidden thing back, the user stylesheet a frame asks for when a page keeps a
 * hidden element on screen with its own `!important`, and, after an update, the new content
 * script in pages that were already open (the old one stops itself: content/handover.ts).
 */
import { activeTabId, handleMessages, injectIntoOpenTabs, insertUserCss, onInstalled, runInFrames } from '../platform/extension-api.ts';
import { FORCE_CSS } from '../suppress/vendor-css.ts';
import type { FrameReceipt, HiddenEntry } from '../suppress/receipt.ts';

interface LiveHandle {
  host: string;
  entries(): Promise<HiddenEntry[]>;
  restore(id: number): Promise<boolean>;
}

// These run in the content scripts' world of a frame, where the content script left its handle;
// the browser waits for the promises they return.
async function readReceipt(): Promise<{ host: string; entries: HiddenEntry[] } | null> {
  const live = (globalThis as { __clearreadLive?: LiveHandle }).__clearreadLive;
  return live ? { host: live.host, entries: await live.entries() } : null;
}
async function restoreHidden(id: number): Promise<boolean> {
  return (await (globalThis as { __clearreadLive?: LiveHandle }).__clearreadLive?.restore(id)) ?? false;
}

async function receipts(tabId: number): Promise<FrameReceipt[]> {
  const frames = await runInFrames(tabId, readReceipt, []).catch(() => []);
  return frames
    .filter((f) => f.result && f.result.entries.length)
    .map((f) => ({ frameId: f.frameId, host: f.result!.host, entries: f.result!.entries }))
    .sort((a, b) => a.frameId - b.frameId);
}

handleMessages({
  'get-receipts': async ({ tabId }) => {
    const id = tabId ?? (await activeTabId());
    return id === undefined ? [] : receipts(id);
  },
  'restore-hidden': async ({ tabId, frameId, id }) => {
    const tab = tabId ?? (await activeTabId());
    if (tab === undefined) return false;
    const [answer] = await runInFrames(tab, restoreHidden, [id], frameId).catch(() => []);
    return answer?.result === true;
  },
  'force-style': async (_message, sender) => {
    if (sender.tabId === undefined || sender.frameId === undefined) return false;
    return insertUserCss(sender.tabId, sender.frameId, FORCE_CSS).then(() => true, () => false);
  },
});

onInstalled((reason) => {
  if (reason === 'update' || reason === 'install') void injectIntoOpenTabs().catch(() => {});
});
