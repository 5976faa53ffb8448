/**
 * What `npm run build` produced: one manifest per browser with only the keys that browser takes,
 * and an always-on content script that stays within its budget because Readability, the reader,
 * detection and the suppression finders are loaded on demand, and no polyfill or settings schema
 * rides along.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROWSERS, distDir } from './harness/browsers.ts';

/** Budget for what every page (and every frame) pays: loader + content script + what it imports statically (issue 10). */
const CONTENT_SCRIPT_BUDGET = 15 * 1024;
/** A string only the full Readability parser contains (its main extraction routine). */
const READABILITY_MARKER = '_grabArticle';
/** Strings only webextension-polyfill and the full settings schema contain. */
const POLYFILL_MARKER = 'This script should only be loaded in a browser extension';
const SCHEMA_MARKER = 'literata';

function staticGraph(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    const refs = [
      ...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g),
      ...code.matchAll(/runtime\.getURL\(\s*["']([^"']+\.js)["']\s*\)/g), // crxjs loader → content chunk
    ].map((m) => m[1]!);
    for (const ref of refs) visit(ref.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), ref)) : ref);
  };
  visit(entry);
  return [...seen];
}

describe.each(BROWSERS)('build for %s', (name) => {
  const dir = distDir(name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

  test('the manifest has the background form this browser accepts', () => {
    expect(manifest.manifest_version).toBe(3);
    if (name === 'firefox') {
      expect(manifest.background.scripts).toHaveLength(1);
      expect(manifest.background.service_worker).toBeUndefined();
      expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    } else {
      expect(manifest.background.service_worker).toBeTruthy();
      expect(manifest.background.scripts).toBeUndefined();
      expect(manifest.browser_specific_settings).toBeUndefined();
    }
    expect(manifest.commands['toggle-reader']).toBeDefined();
  });

  test('every file the manifest names exists', () => {
    const files = [
      manifest.action.default_popup,
      ...Object.values<string>(manifest.icons),
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
    ];
    for (const file of files) expect(fs.existsSync(path.join(dir, file)), file).toBe(true);
  });

  test('the MAIN-world guard is shipped but not web-accessible, so pages cannot probe for it', () => {
    expect(fs.existsSync(path.join(dir, 'src/guard/main-world.js'))).toBe(true);
    const listed = (manifest.web_accessible_resources ?? []).flatMap((r: { resources: string[] }) => r.resources);
    expect(listed.filter((f: string) => /guard|main-world/.test(f))).toEqual([]);
  });

  test('the vendor stylesheet ships with the content script, in every frame, and hides nothing that is switched off', () => {
    const [script] = manifest.content_scripts;
    expect(script.css).toEqual(['suppress.css']);
    expect(script.all_frames).toBe(true);
    const css = fs.readFileSync(path.join(dir, 'suppress.css'), 'utf8');
    expect(css).toContain('.onesignal-slidedown-container');
    expect(css).toContain(':root:not([data-clearread-off~="shareButtons"])');
    expect(css).toContain(':not(:has(');
  });

  test('the always-on content script stays within its budget and carries no Readability, polyfill or schema', () => {
    const entry = manifest.content_scripts.find((c: { run_at?: string; world?: string }) => c.world !== 'MAIN').js[0];
    const graph = staticGraph(dir, entry);
    const bytes = graph.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    expect(graph.length).toBeGreaterThan(1);
    expect(bytes, `always-on script: ${graph.join(' + ')}`).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    for (const f of graph) {
      const code = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const marker of [READABILITY_MARKER, POLYFILL_MARKER, SCHEMA_MARKER]) expect(code, `${f} carries ${marker}`).not.toContain(marker);
    }
    // ...while the reader, which the background injects on demand, does have it.
    expect(fs.readFileSync(path.join(dir, 'src/reader/reader-entry.js'), 'utf8')).toContain(READABILITY_MARKER);
  });

  // Regression: a debugging line (`if (process.env.…)`) left in extraction threw in the browser, and
  // every article got "The reader could not make sense of this page".
  test('no shipped script refers to Node\'s `process`', () => {
    const scripts = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).not.toMatch(/\bprocess\.(?:env|argv|platform)\b/);
  });
});
