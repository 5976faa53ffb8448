/**
 * The shipped extension carries the licence of every package bundled into it (Readability and
 * DOMPurify among them), with the full licence text where the licence asks for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { BROWSERS, distDir } from './harness/browsers.ts';

describe.each(BROWSERS)('licences in the %s build', (name) => {
  const dir = path.join(distDir(name), 'licenses');

  test('every runtime dependency has its licence files and a line in the notices', () => {
    const notices = fs.readFileSync(path.join(dir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const dep of Object.keys(pkg.dependencies)) {
      const files = fs.readdirSync(path.join(dir, dep));
      expect(files.length, dep).toBeGreaterThan(0);
      expect(notices).toContain(`- ${dep} `);
    }
  });

  test('Apache-2.0 packages ship the full licence text, not only its header', () => {
    const readability = path.join(dir, '@mozilla/readability');
    const texts = fs.readdirSync(readability).map((f) => fs.readFileSync(path.join(readability, f), 'utf8')).join('\n');
    expect(texts).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    const purify = fs.readdirSync(path.join(dir, 'dompurify'));
    expect(purify.length).toBeGreaterThan(0);
  });
});
