/**
 * `npm run package`: the three uploads the stores ask for, in artifacts/.
 *   clearread-chrome-<version>.zip    dist/chrome, for the Chrome Web Store
 *   clearread-firefox-<version>.zip   dist/firefox, built by `web-ext build`, for addons.mozilla.org
 *   clearread-sources-<version>.zip   the committed sources (`git archive HEAD`), which AMO asks for
 *                                     because the shipped code is bundled and minified; the README
 *                                     inside says how to rebuild it ("Building from source")
 * Runs the build first, so the packages always match the sources zip's commit plus any local
 * changes; it refuses to package a tree with uncommitted changes unless --dirty is given, since the
 * sources zip would not then rebuild the same extension.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'artifacts');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const read = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8' });

const dirty = read('git', ['status', '--porcelain', '--untracked-files=no']).trim();
if (dirty && !process.argv.includes('--dirty')) {
  console.error('Uncommitted changes: the sources zip (git HEAD) would not rebuild these packages.');
  console.error('Commit first, or pass --dirty to package anyway.');
  process.exit(1);
}

fs.mkdirSync(out, { recursive: true });
run('npm', ['run', 'build']);
const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');
for (const target of ['chrome', 'firefox']) {
  run(webExt, ['build', '--source-dir', `dist/${target}`, '--artifacts-dir', out, '--overwrite-dest',
    '--filename', `clearread-${target}-${pkg.version}.zip`]);
}
const sources = path.join(out, `clearread-sources-${pkg.version}.zip`);
run('git', ['archive', '--format=zip', '--prefix', `clearread-${pkg.version}/`, '-o', sources, 'HEAD']);

for (const file of fs.readdirSync(out).filter((f) => f.includes(pkg.version)).sort()) {
  console.log(`${path.join('artifacts', file)}  ${(fs.statSync(path.join(out, file)).size / 1024).toFixed(1)} KB`);
}
