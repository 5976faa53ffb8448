/**
 * Launches Debian's Chromium or Firefox ESR headless with the built extension and gives tests
 * one interface for both. The Firefox workarounds (system access for moz-extension pages, raw
 * BiDi navigation, a pinned extension UUID) reach puppeteer internals, hence the exact pin.
 */
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_SPEECH_ENV } from './speech-env.ts';

export type BrowserName = 'chromium' | 'firefox';
/** Both, unless E2E_BROWSERS narrows it (e.g. `E2E_BROWSERS=firefox` while working on one browser). */
export const BROWSERS: BrowserName[] = (['chromium', 'firefox'] as const).filter((b) => !process.env.E2E_BROWSERS || process.env.E2E_BROWSERS.split(',').includes(b));

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const GECKO_ID = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id as string;
const FIREFOX_UUID = '0f0f0f0f-1111-4222-8333-444444444444';

// Keep Chromium off the network: without these it looks up Google hosts at every start.
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  extensionUrl(file: string): string;
  /** Opens an extension page (popup, options) in a tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** Runs `fn` with the extension API (`api` = browser/chrome) in an extension context. */
  inExtension<T, A>(fn: (api: any, arg: A) => Promise<T> | T, arg: A): Promise<T>;
  /** Fires a manifest command, exactly as the browser does when its shortcut is pressed. */
  command(name: string, page: Page): Promise<void>;
  tabIdOf(page: Page): Promise<number>;
  /** Shows the page as for print (or back to screen). */
  emulateMedia(page: Page, media: 'print' | 'screen'): Promise<void>;
  /**
   * Reloads the extension, as an update does, and waits for the new copy to start. Tabs keep what
   * the old copy left in them.
   */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

export function distDir(name: BrowserName): string {
  return path.join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
}

export interface LaunchOptions {
  /** Show the window (for `npm start`); tests run headless. */
  headless?: boolean;
  /**
   * A profile directory to use instead of a fresh temporary one, so that a second launch on the
   * same directory is a browser restart. The caller creates it and deletes it; `close()` leaves it.
   * Chromium: the profile holds the extension's storage under its id, and the id of an unpacked
   * extension is derived from its absolute path, so loading the same dist/ again finds it.
   * Firefox: puppeteer passes it as `--profile` and, being the caller's, never deletes it (it only
   * puts back the prefs.js/user.js it backed up). See `firefoxPrefs` for the temporary add-on.
   */
  profileDir?: string;
  /** Where downloads land, without asking (Chromium: CDP Browser.setDownloadBehavior; Firefox: prefs). */
  downloadDir?: string;
  /** Extra Firefox prefs for this launch (ignored by Chromium). */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Extra environment (a speech engine's address, see speech-env.ts); by default, an address with no engine. */
  env?: Record<string, string>;
  /** Extra Chromium switches (ignored by Firefox). */
  chromiumArgs?: string[];
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const headless = options.headless ?? true;
  return name === 'chromium' ? launchChromium(headless, options) : launchFirefox(headless, options);
}

async function launchChromium(headless: boolean, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const userDataDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chr-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless, pipe: true, userDataDir,
    enableExtensions: [distDir('chromium')], args: [...CHROMIUM_FLAGS, ...(options.chromiumArgs ?? [])],
    env: { ...process.env, ...(options.env ?? NO_SPEECH_ENV) }, defaultViewport: headless ? undefined : null,
  });
  let swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const extId = new URL(swTarget.url()).host;
  let worker = (await swTarget.worker()) as WebWorker;
  await untilBound(worker);
  if (options.downloadDir) {
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: options.downloadDir });
  }
  const extensionUrl = (file: string) => `chrome-extension://${extId}/${file}`;
  const inExtension: ExtensionBrowser['inExtension'] = (fn, arg) =>
    worker.evaluate(new Function('arg', `return (${fn.toString()})(chrome, arg)`) as any, arg as any) as any;
  return {
    name: 'chromium', browser, extensionUrl, inExtension,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await page.goto(extensionUrl(file));
      return page;
    },
    async command(command, page) {
      await focus(page, inExtension);
      await worker.evaluate((c) => (chrome.commands.onCommand as any).dispatch(c), command);
    },
    tabIdOf: (page) => focus(page, inExtension),
    emulateMedia: (page, media) => page.emulateMediaType(media),
    async reloadExtension() {
      // Loading the same unpacked directory again is how Chromium updates an unpacked extension:
      // same id, new copy; open tabs keep what the old copy left in them.
      const old = swTarget;
      await browser.installExtension(distDir('chromium'));
      // The new service worker starts on its first event; an extension page opening wakes it.
      const waker = await browser.newPage();
      await waker.goto(extensionUrl('src/options/index.html')).catch(() => {});
      swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extId}/`) && t !== old, { timeout: 15_000 });
      worker = (await swTarget.worker()) as WebWorker;
      await waker.close();
      await untilBound(worker);
    },
    async close() {
      await browser.close();
      if (!options.profileDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A service worker's extension API is bound a moment after the worker itself starts. */
async function untilBound(worker: WebWorker): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await worker.evaluate(() => typeof chrome !== 'undefined' && Boolean(chrome.runtime?.id)).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the extension\'s service worker never got its API');
}

async function launchFirefox(headless: boolean, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const downloadPrefs = options.downloadDir ? {
    'browser.download.dir': options.downloadDir,
    'browser.download.folderList': 2, // 2 = the folder in browser.download.dir
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  } : {};
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless,
    userDataDir: options.profileDir,
    defaultViewport: headless ? undefined : null,
    // Lets BiDi open moz-extension:// pages and reach the browser chrome (toolbar action, commands).
    args: ['--remote-allow-system-access'],
    // Mozilla's own test switch: no connections off the machine (remote settings, telemetry).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', ...(options.env ?? NO_SPEECH_ENV) },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      ...downloadPrefs,
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(distDir('firefox'));
  const extensionUrl = (file: string) => `moz-extension://${FIREFOX_UUID}/${file}`;
  const openExtensionPage = async (file: string) => {
    const page = await browser.newPage();
    // page.goto() never resolves for moz-extension:// URLs over BiDi; navigate the context directly.
    await (page.mainFrame() as any).browsingContext.navigate(extensionUrl(file), 'complete');
    return page;
  };
  // A background tab with the extension API, opened now so that it never steals focus later.
  let extPage = await openExtensionPage('src/popup/index.html');
  const inExtension: ExtensionBrowser['inExtension'] = async (fn, arg) => {
    return extPage.evaluate(new Function('arg', `return (${fn.toString()})(browser, arg)`) as any, arg as any) as any;
  };
  const chromeEval = async (page: Page, expression: string) => {
    const session = (page.mainFrame() as any).browsingContext.userContext.browser.session;
    const { result } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const out = await session.send('script.evaluate', {
      awaitPromise: true, target: { context: result.contexts[0].context }, expression,
    });
    if (out.result?.type === 'exception' || out.type === 'exception') throw new Error(JSON.stringify(out));
  };
  return {
    name: 'firefox', browser, extensionUrl, openExtensionPage, inExtension,
    async command(command, page) {
      await focus(page, inExtension);
      await chromeEval(page, `(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
        ext.shortcuts.onCommand(${JSON.stringify(command)});
      })()`);
    },
    tabIdOf: (page) => focus(page, inExtension),
    async emulateMedia(page, media) {
      await page.bringToFront();
      // What the developer tools' print simulation does: the tab's browsing context renders for that medium.
      await chromeEval(page, `gBrowser.selectedBrowser.browsingContext.mediumOverride = ${JSON.stringify(media === 'print' ? 'print' : '')}`);
    },
    async reloadExtension() {
      await extPage.evaluate(() => setTimeout(() => (globalThis as any).browser.runtime.reload(), 10)).catch(() => {});
      await new Promise((r) => setTimeout(r, 1500));
      await extPage.close().catch(() => {});
      extPage = await openExtensionPage('src/popup/index.html');
    },
    close: () => browser.close(),
  };
}

/** The tab id of a page: bring it to the front and ask for the active tab (no `tabs` permission needed). */
/**
 * Makes the page the active tab and waits until the extension sees it so (activation is
 * asynchronous, and a command fired too early goes to the previous tab). Matching by URL needs
 * the host permission the extension holds for http(s) pages.
 */
async function focus(page: Page, inExtension: ExtensionBrowser['inExtension']): Promise<number> {
  await page.bringToFront();
  const deadline = Date.now() + 5_000;
  for (;;) {
    const id = await inExtension(async (api, url: string) => {
      const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.url === url ? (tab.id as number) : undefined;
    }, page.url());
    if (id !== undefined) return id;
    if (Date.now() > deadline) throw new Error(`tab for ${page.url()} never became active`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
