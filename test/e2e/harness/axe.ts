/** axe-core in the real browsers: injected from node_modules, evaluated in the page. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation { id: string; impact: string; help: string; nodes: string[] }

/** Runs axe on `selector` (default: the whole document); open shadow roots are included. */
export async function axe(page: Page, selector?: string): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const w = window as any;
    const context = sel ? { include: [[sel]] } : document;
    const result = await w.axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => JSON.stringify(n.target)).slice(0, 5) }));
  }, selector ?? null);
}
