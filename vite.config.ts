import { defineConfig } from 'vite';
import { crx, type CrxPlugin } from '@crxjs/vite-plugin';
import { manifestFor, type Target } from './build/target-manifest.ts';
import { bundledLicences } from './build/bundled-licences.ts';
import { RULES } from './src/suppress/rules.ts';
import { vendorCss } from './src/suppress/vendor-css.ts';

/** Where the vendor stylesheet lands in the build; the manifest lists it with the content script. */
const VENDOR_CSS = 'suppress.css';

/**
 * Scripts the background injects itself (scripting.registerContentScripts for the MAIN-world
 * guard, scripting.executeScript for the reader), as crxjs emits them from `?iife` imports.
 */
const INJECTED_FILES = [/^src\/guard\/main-world(\.[\w-]+)?\.js$/, /^src\/reader\/reader-entry(\.[\w-]+)?\.js$/];
/** The ES-module copies crxjs also emits of those entries; nothing loads them. */
const UNUSED_MODULE_COPIES = /^assets\/(main-world|reader-entry)\.ts-[\w-]+\.js$/;

/**
 * crxjs lists every script it emits as web-accessible, the injected ones included, and without
 * dynamic URLs: any page could then fetch them at a fixed address and learn that ClearRead is
 * installed. Injection needs no such entry, so they are taken out of the manifest crxjs renders,
 * and their unused module copies out of the package. (A plain `generateBundle` would run too
 * early for the manifest: crxjs moves its manifest writer behind every other plugin;
 * `renderCrxManifest` hooks are run by that writer, in plugin order, so this one sees crxjs's
 * own list.)
 */
function injectedNotWebAccessible(): CrxPlugin {
  return {
    name: 'clearread:injected-not-web-accessible',
    enforce: 'post',
    renderCrxManifest(manifest) {
      const lists = (manifest.web_accessible_resources ?? [])
        .map((r) => ({ ...r, resources: r.resources.filter((f) => !INJECTED_FILES.some((re) => re.test(f))) }))
        .filter((r) => r.resources.length);
      if (lists.length) manifest.web_accessible_resources = lists;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) if (UNUSED_MODULE_COPIES.test(name)) delete bundle[name];
    },
  };
}

/**
 * The vendor rules as one stylesheet (src/suppress/vendor-css.ts), built from the rules data and
 * listed as the content script's CSS: the browser applies it in every frame before the page
 * paints, with no script time at all.
 */
function vendorStylesheet(): CrxPlugin {
  return {
    name: 'clearread:vendor-stylesheet',
    enforce: 'post',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: VENDOR_CSS, source: vendorCss(RULES) });
    },
    renderCrxManifest(manifest) {
      for (const script of manifest.content_scripts ?? []) {
        if (script.world !== 'MAIN') script.css = [...(script.css ?? []), VENDOR_CSS];
      }
      return manifest;
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target }), injectedNotWebAccessible(), vendorStylesheet(), bundledLicences(import.meta.dirname)],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Readable stack traces from users beat a few saved kilobytes in an unpacked extension.
      minify: true,
      sourcemap: false,
      target: 'es2022',
      // Vite's preload helper would add <link rel=modulepreload> tags to the page's <head> when the
      // content script loads the reader: a change to the live page we could not undo.
      modulePreload: false,
    },
  };
});
