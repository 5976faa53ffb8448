/**
 * `npm start`: serves the bundled sample article on 127.0.0.1, opens it in a real browser with
 * the freshly built extension loaded, and leaves the browser open for you to try the reader.
 *   npm start                 Chromium (default)
 *   npm start -- --firefox    Firefox ESR
 * Without a display (a server, CI) the browser runs headless instead: the script opens the
 * reader on the sample page, saves a screenshot to test-output/start.png and exits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launch, type BrowserName } from '../test/e2e/harness/browsers.ts';
import { startPageServer } from '../test/e2e/harness/page-server.ts';
import { CHROMIUM_SPEECH_ARGS } from '../test/e2e/harness/speech-env.ts';

const name: BrowserName = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const executable = name === 'chromium' ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
if (!fs.existsSync(executable)) {
  console.error(`${executable} not found. Install it (Debian/Ubuntu: sudo apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'})`);
  console.error(`or point ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at your browser.`);
  process.exit(1);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform === 'darwin' || process.platform === 'win32';
const server = await startPageServer(undefined, Number(process.env.PORT ?? 8777)).catch(() => startPageServer());
const sampleUrl = `${server.url}sample-article.html`;
// Your own environment, so read aloud reaches the desktop's speech-dispatcher (Chromium on Linux
// lists voices only with its switch).
const env = await launch(name, { headless: !hasDisplay, env: {}, chromiumArgs: CHROMIUM_SPEECH_ARGS });
const page = await env.browser.newPage();
await page.goto(sampleUrl);

if (hasDisplay) {
  console.log(`\nClearRead is loaded in ${name}. The sample article is open at ${sampleUrl}`);
  console.log('Open the reader with the toolbar button (pin it from the puzzle-piece menu) or Alt+Shift+R; Esc closes it.');
  console.log('Close the browser window (or press Ctrl+C here) to stop.\n');
  const stop = async () => {
    await env.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  env.browser.on('disconnected', () => void stop());
  process.on('SIGINT', () => void stop());
} else {
  await env.command('toggle-reader', page);
  await page.waitForSelector('[data-reader-overlay]', { timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 500));
  fs.mkdirSync('test-output', { recursive: true });
  const shot = path.resolve('test-output/start.png');
  await page.screenshot({ path: shot });
  console.log(`\nNo display here, so ${name} ran headless: the extension loaded, opened the reader on ${sampleUrl},`);
  console.log(`and saved what it showed to ${shot}. On a desktop, \`npm start\` leaves the browser open for you.\n`);
  await env.close();
  await server.close();
}
