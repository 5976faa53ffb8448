// @vitest-environment jsdom
/**
 * What broke (issue 10): when the page removed the overlay's host (a single-page app re-rendering
 * <html>), the reader still counted as open: the next toggle did nothing and the page's +/− keys
 * stayed swallowed. The watch must report a removed or moved host, once, and nothing else.
 */
import { expect, test } from 'vitest';
import { watchHost } from '../../src/reader/host-watch.ts';

const flush = () => new Promise((r) => setTimeout(r, 0));

function mount() {
  const host = document.createElement('div');
  document.documentElement.append(host);
  let lost = 0;
  const stop = watchHost(host, () => lost++);
  return { host, stop, lost: () => lost };
}

test('a removed host is reported once', async () => {
  const w = mount();
  w.host.remove();
  await flush();
  document.documentElement.append(document.createElement('span'));
  await flush();
  expect(w.lost()).toBe(1);
});

test('a host moved into the page (where it no longer covers it) counts as lost', async () => {
  const w = mount();
  document.body.append(w.host);
  await flush();
  expect(w.lost()).toBe(1);
  w.host.remove();
});

test('the page changing its own nodes, even <html>\'s other children, is not a loss', async () => {
  const w = mount();
  document.body.append(document.createElement('p'));
  const extra = document.createElement('div');
  document.documentElement.append(extra);
  extra.remove();
  await flush();
  expect(w.lost()).toBe(0);
  w.stop();
  w.host.remove();
  await flush();
  expect(w.lost()).toBe(0);
});
