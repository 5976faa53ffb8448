/**
 * The only module that touches the browser's extension API. Everything else imports from here,
 * so the pure core stays testable in jsdom and a browser difference is fixed in one place.
 */
import browser from 'webextension-polyfill';
import { isMessage, type Handlers, type Message, type MessageMap, type MessageSender, type MessageType, type Response } from '../messages.ts';

/** `session` lives in memory until the browser quits, and only extension pages and the background can read it. */
export type StorageArea = 'sync' | 'local' | 'session';

export async function storageGet(area: StorageArea, key: string): Promise<unknown> {
  const got = await browser.storage[area].get(key);
  return got[key];
}

export async function storageSet(area: StorageArea, key: string, value: unknown): Promise<void> {
  await browser.storage[area].set({ [key]: value });
}

export async function storageGetMany(area: StorageArea, keys: string[]): Promise<Record<string, unknown>> {
  return browser.storage[area].get(keys);
}

export async function storageSetMany(area: StorageArea, items: Record<string, unknown>): Promise<void> {
  await browser.storage[area].set(items);
}

export async function storageRemove(area: StorageArea, keys: string[]): Promise<void> {
  await browser.storage[area].remove(keys);
}

export function onStorageChange(key: string, listener: (value: unknown, area: StorageArea) => void): () => void {
  const wrapped = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (change && (area === 'sync' || area === 'local' || area === 'session')) listener(change.newValue, area);
  };
  browser.storage.onChanged.addListener(wrapped);
  return () => browser.storage.onChanged.removeListener(wrapped);
}

export function sendToBackground<K extends MessageType>(type: K, request: MessageMap[K]['request']): Promise<Response<K>> {
  return browser.runtime.sendMessage({ type, ...request }) as Promise<Response<K>>;
}

export function sendToTab<K extends MessageType>(tabId: number, type: K, request: MessageMap[K]['request']): Promise<Response<K>> {
  return browser.tabs.sendMessage(tabId, { type, ...request }) as Promise<Response<K>>;
}

/** Registers typed handlers; messages of other types are left for other listeners. */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isMessage(raw)) return undefined;
    const handler = handlers[raw.type] as ((m: Message, s: MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    // Only messages from this extension are honoured; a page cannot post into runtime messaging,
    // but an explicit check keeps it true if someone adds externally_connectable later.
    if (sender.id !== browser.runtime.id) return undefined;
    return Promise.resolve(handler(raw, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }));
  });
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** A tab's id and address (the address only where the extension has host access, as on web pages). */
export async function tabInfo(tabId: number | undefined): Promise<{ id: number; url?: string } | undefined> {
  const tab = tabId === undefined
    ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
    : await browser.tabs.get(tabId);
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

export function onCommand(listener: (command: string) => void): void {
  browser.commands.onCommand.addListener(listener);
}

export async function commandShortcut(name: string): Promise<string | undefined> {
  const all = await browser.commands.getAll();
  return all.find((c) => c.name === name)?.shortcut || undefined;
}

export async function setActionState(tabId: number, state: { title: string; icon: Record<string, string> }) {
  await Promise.all([
    browser.action.setTitle({ tabId, title: state.title }),
    browser.action.setIcon({ tabId, path: state.icon }),
  ]);
}

export function i18n(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language (e.g. "en-US"), for Intl formatting of our own words. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/**
 * False once the extension that loaded this script was updated, reloaded or removed: the script
 * keeps running in the page (Chrome) but its extension API is gone.
 */
export function extensionAlive(): boolean {
  try {
    return Boolean((globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id);
  } catch {
    return false;
  }
}

/** A file of the extension's own package, as bytes (background only: nothing is web-accessible). */
export async function packagedFile(path: string): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Runs a script file in the tab's top frame, in the extension's isolated world (the one the
 * content script lives in): nothing is web-accessible and the page sees no script element.
 */
export async function injectFile(tabId: number, file: string): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file], injectImmediately: true });
}

/** Runs `func(...args)` in the tab's top frame (isolated world) and resolves to what it returns (awaited). */
export async function runInTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<Awaited<R> | undefined> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] }, func: func as (...a: unknown[]) => unknown, args, injectImmediately: true,
  });
  return first?.result as Awaited<R> | undefined;
}

/** A script registered into the page's own world (the native prompt guard). */
export interface MainWorldScript {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
}

export async function registeredMainWorldScript(id: string): Promise<MainWorldScript | undefined> {
  const [found] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  return found && { id, js: found.js ?? [], matches: found.matches ?? [], excludeMatches: found.excludeMatches ?? [] };
}

/** Registers (or replaces) a document_start, all-frames MAIN-world script, blank/srcdoc frames included. */
export async function registerMainWorldScript(script: MainWorldScript): Promise<void> {
  await unregisterMainWorldScript(script.id);
  const options = {
    ...script,
    excludeMatches: script.excludeMatches.length ? script.excludeMatches : undefined,
    runAt: 'document_start', allFrames: true, world: 'MAIN', persistAcrossSessions: true,
  } as const;
  try {
    await browser.scripting.registerContentScripts([{ ...options, matchOriginAsFallback: true }]);
  } catch {
    // Browsers without matchOriginAsFallback for dynamic scripts (Chrome < 119): still guard every
    // frame with a real URL rather than nothing.
    await browser.scripting.registerContentScripts([options]);
  }
}

export async function unregisterMainWorldScript(id: string): Promise<void> {
  if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length) {
    await browser.scripting.unregisterContentScripts({ ids: [id] });
  }
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Runs `func` in the content scripts' world of every frame of a tab; one result per frame that answered. */
export async function runInFrames<T, A extends unknown[]>(tabId: number, func: (...args: A) => T | Promise<T>, args: A, frameId?: number): Promise<{ frameId: number; result: T }[]> {
  const target = frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [frameId] };
  const results = await browser.scripting.executeScript({ target, func: func as () => void, args } as never);
  return (results as { frameId: number; result?: T }[])
    .filter((r) => r.result !== undefined && r.result !== null)
    .map((r) => ({ frameId: r.frameId, result: r.result as T }));
}

/** Adds a user stylesheet (it outranks every rule of the page's, `!important` included) to one frame. */
export async function insertUserCss(tabId: number, frameId: number, css: string): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
}

export function onInstalled(listener: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => listener(details.reason));
}

/**
 * Puts the manifest's content scripts (and their CSS) into every frame of every open web page,
 * for pages that were open before this version of the extension was: browsers do that by
 * themselves only for pages loaded afterwards (Chrome never; Firefox on install).
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const [entry] = browser.runtime.getManifest().content_scripts ?? [];
  if (!entry?.js?.length) return;
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(tabs.map(async (tab) => {
    if (tab.id === undefined || tab.discarded) return;
    const target = { tabId: tab.id, allFrames: true };
    try {
      if (entry.css?.length) await browser.scripting.insertCSS({ target, files: entry.css });
      await browser.scripting.executeScript({ target, files: entry.js! });
    } catch {
      // A tab we may not touch (a store page, an error page): it gets the scripts on its next load.
    }
  }));
}
