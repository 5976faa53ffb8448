import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import pkg from '../package.json' with { type: 'json' };

/**
 * Every runtime dependency is bundled into the extension, so its licence and notices travel with
 * it: each package's own licence files are copied to `licenses/<package>/`, and
 * `licenses/THIRD-PARTY-NOTICES.txt` lists what is inside and under which terms. Read from
 * node_modules at build time, so an added or upgraded dependency cannot ship without its notice.
 */
const LICENCE_FILE = /^(licen[cs]e|notice|copying)(\.|-|$)/i;

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  homepage?: string;
  files: { name: string; text: string }[];
}

export function bundledPackages(root: string): BundledPackage[] {
  return Object.keys(pkg.dependencies).sort().map((name) => {
    const dir = path.join(root, 'node_modules', name);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; license?: string; homepage?: string };
    const files = fs.readdirSync(dir).filter((f) => LICENCE_FILE.test(f))
      .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    if (!files.length) throw new Error(`${name} has no licence file to ship with the extension`);
    // Some packages ship only the short "Licensed under …" header; the licence asks for its full text.
    const spdx = meta.license ?? '';
    const fullText = path.join(import.meta.dirname, 'licence-texts', `${spdx}.txt`);
    if (fs.existsSync(fullText) && !files.some((f) => f.text.includes('TERMS AND CONDITIONS'))) {
      files.push({ name: `${spdx}.txt`, text: fs.readFileSync(fullText, 'utf8') });
    }
    return { name, version: meta.version, license: meta.license ?? 'see licence file', homepage: meta.homepage, files };
  });
}

export function bundledLicences(root: string): Plugin {
  return {
    name: 'clearread:bundled-licences',
    apply: 'build',
    generateBundle() {
      const packages = bundledPackages(root);
      const summary = [
        'ClearRead bundles the following open-source packages. Each one\'s licence text is in',
        'licenses/<package>/ next to this file.',
        '',
        ...packages.map((p) => `- ${p.name} ${p.version}: ${p.license}${p.homepage ? ` (${p.homepage})` : ''}`),
        '',
      ].join('\n');
      this.emitFile({ type: 'asset', fileName: 'licenses/THIRD-PARTY-NOTICES.txt', source: summary });
      for (const p of packages) {
        for (const file of p.files) this.emitFile({ type: 'asset', fileName: `licenses/${p.name}/${file.name}`, source: file.text });
      }
    },
  };
}
