import type {Liquid} from 'liquidjs';
import type {PagePlan} from '../plan/plan-pages.ts';
import {createEngine, renderPage, type SiteView} from './render-pages.ts';
import type {SiteConfig} from '../types.ts';

/**
 * This worker's engine and the settings it was made for. A pool lives for one build's render
 * (its threads, and so this module, are new each build), so the templates are read and parsed
 * once per worker rather than once per batch; other settings would get another engine.
 */
let made: {readonly settings: string; readonly engine: Liquid} | undefined;

/**
 * Render a batch of planned pages: the unit of work a worker thread runs for a cold build.
 * `cards` holds each listing's cards, in the order of its articles; `bodies` each article page's body HTML.
 * The same templates, site data and config give the same HTML as rendering on the main thread.
 */
export default function renderBatch({plans, cards, bodies, site, config}: {plans: readonly PagePlan[]; cards: readonly (readonly string[] | undefined)[]; bodies: readonly (string | undefined)[]; site: SiteView; config: SiteConfig}): string[] {
  const settings = JSON.stringify(config);
  if (made?.settings !== settings) made = {settings, engine: createEngine(config)};
  const engine = made.engine;
  // Listings' cards come rendered from the main thread, where each was rendered once; bodies come beside the plans.
  return plans.map((plan, index) => renderPage(engine, plan, site, config, (_, place) => cards[index]![place]!, () => bodies[index]!));
}
