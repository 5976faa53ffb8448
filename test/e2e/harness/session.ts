/**
 * One browser with the extension and one page server per describe block: the setup every e2e
 * file needs, registered as vitest hooks. Pages opened through `open` are closed after each test,
 * so a failed test never leaves a tab behind to receive the next test's command.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './browsers.ts';
import { startPageServer, type PageServer } from './page-server.ts';

export interface Session {
  readonly env: ExtensionBrowser;
  readonly server: PageServer;
  /** Opens a page from test/pages/ (a path relative to the server root), or any absolute URL. */
  open(file: string): Promise<Page>;
  /** Opens the popup pinned to the tab of `page`. */
  popupFor(page: Page): Promise<Page>;
}

/** `options` go to `launch` (a download folder, say); the defaults suit most files. */
export function useBrowser(name: BrowserName, options: LaunchOptions = {}): Session {
  let env: ExtensionBrowser | undefined;
  let server: PageServer | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    server = await startPageServer();
    env = await launch(name, options);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close().catch(() => {})));
  });
  afterAll(async () => {
    await env?.close();
    await server?.close();
  });
  const session: Session = {
    get env() {
      if (!env) throw new Error('browser not launched yet');
      return env;
    },
    get server() {
      if (!server) throw new Error('page server not started yet');
      return server;
    },
    async open(file) {
      const page = await session.env.browser.newPage();
      opened.push(page);
      await page.goto(new URL(file, session.server.url).href);
      return page;
    },
    async popupFor(page) {
      const popup = await session.env.openExtensionPage(`src/popup/index.html?tab=${await session.env.tabIdOf(page)}`);
      opened.push(popup);
      return popup;
    },
  };
  return session;
}
