/**
 * The only module that touches the browser's extension API. Everything else imports from here,
 * so the pure core stays testable in jsdom and a browser difference is fixed in one place.
 */
import browser from 'webextension-polyfill';
import { isMessage, type Handlers, type Message, type MessageMap, type MessageType, type Response } from '../messages.ts';

export type StorageArea = 'sync' | 'local';

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
    if (change && (area === 'sync' || area === 'local')) listener(change.newValue, area);
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
    const handler = handlers[raw.type] as ((m: Message, s: { tabId?: number }) => unknown) | undefined;
    if (!handler) return undefined;
    // Only messages from this extension are honoured; a page cannot post into runtime messaging,
    // but an explicit check keeps it true if someone adds externally_connectable later.
    if (sender.id !== browser.runtime.id) return undefined;
    return Promise.resolve(handler(raw, { tabId: sender.tab?.id }));
  });
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
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
