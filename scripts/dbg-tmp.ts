import { launch } from '/work/wt/live/test/e2e/harness/browsers.ts';
import { startPageServer } from '/work/wt/live/test/e2e/harness/page-server.ts';
const server = await startPageServer();
const env = await launch((process.argv[2] ?? 'chromium') as any);
const page = await env.browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url + 'firewall/locks.html?' + (process.argv[3] ?? 'lock=body-overflow'));
await page.waitForFunction(() => document.documentElement.dataset.promptsInserted === 'yes', { timeout: 10000 });
for (let i = 0; i < 6; i++) {
  console.log(await page.evaluate(() => JSON.stringify({ body: document.body.getAttribute('style'), html: document.documentElement.getAttribute('style'), cls: document.documentElement.className, prompt: getComputedStyle(document.querySelector('.c-m--center')!).display, marks: [...document.querySelectorAll('[data-clearread-hidden]')].map((e) => e.className) })));
  await new Promise((r) => setTimeout(r, 300));
}
await env.close(); await server.close();
