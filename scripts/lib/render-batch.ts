import type {PagePlan} from './plan-pages.ts';
import {createEngine, renderPage, type SiteView} from './render-pages.ts';
import type {SiteConfig} from './types.ts';

/**
 * Render a batch of planned pages: the unit of work a worker thread runs for a cold build.
 * The same templates, site data and config give the same HTML as rendering on the main thread.
 */
export default function renderBatch({plans, site, config}: {plans: readonly PagePlan[]; site: SiteView; config: SiteConfig}): string[] {
  const engine = createEngine(config);
  return plans.map((plan) => renderPage(engine, plan, site, config));
}
