import type { ManifestV3Export } from '@crxjs/vite-plugin';
import source from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/**
 * One source manifest, two browsers. Chrome rejects `background.scripts` next to a service
 * worker with a warning and knows nothing of `browser_specific_settings`; Firefox MV3 refuses
 * `background.service_worker`. Each target gets only the keys it understands.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const { background, browser_specific_settings, ...common } = structuredClone(source);
  const { service_worker, scripts, type } = background;
  const version = pkg.version;
  if (target === 'firefox') {
    return { ...common, version, background: { scripts, type }, browser_specific_settings } as ManifestV3Export;
  }
  return { ...common, version, background: { service_worker, type } } as ManifestV3Export;
}
