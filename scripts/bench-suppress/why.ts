/**
 * Why a share link on a corpus page was (not) taken into a bar: for each share link the
 * benchmark counts, the boxes around it and what the share-bar finder thinks of each. A tool for
 * tuning, run on pages of the tuning part only.
 *
 *   npx tsx scripts/bench-suppress/why.ts wcxb/0444 trafilatura/goodnight.at.konzert.html
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { contentInside } from '../../src/suppress/content-guard.ts';
import { findShareBars } from '../../src/suppress/share-bars.ts';
import { isShareUrl } from '../../src/suppress/share-links.ts';
import { loadCorpora } from './corpora.ts';
import { REFERENCE_SHARE } from './measure.ts';

const wanted = process.argv.slice(2);
for (const page of loadCorpora().filter((p) => wanted.includes(`${p.corpus}/${p.id}`))) {
  if (page.split !== 'tuning') {
    console.log(`${page.corpus}/${page.id}: validation page, not looked into`);
    continue;
  }
  const dom = new JSDOM(page.html(), { url: 'https://page.example/', virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const bars = findShareBars(doc, 'page.example');
  console.log(`== ${page.corpus}/${page.id}: ${bars.length} bars`);
  for (const a of doc.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!REFERENCE_SHARE.test(href)) continue;
    const inBar = bars.some((b) => b.contains(a));
    console.log(`${inBar ? 'IN BAR ' : 'LEFT   '} ${href.slice(0, 90)} ours=${isShareUrl(href, 'page.example')}`);
    if (inBar) continue;
    let el = a.parentElement;
    for (let i = 0; el && i < 6; i++, el = el.parentElement) {
      const desc = `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(/\s+/).slice(0, 2).join('.')}`;
      console.log(`    ${desc.padEnd(50)} links=${el.querySelectorAll('a[href]').length} buttons=${el.querySelectorAll('button').length} content=${contentInside(el, 'share') || '-'} text="${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)}"`);
    }
  }
  dom.window.close();
}
