import type {Liquid} from 'liquidjs';
import {createEngine, renderPage, type EditionView, type PageJob} from './render-pages.ts';

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
export default function renderBatch({jobs, cards, bodies, views}: {jobs: readonly PageJob[]; cards: readonly (readonly string[] | undefined)[]; bodies: readonly (string | undefined)[]; views: readonly EditionView[]}): string[] {
  // Every edition's config differs from the main one's only in words: one engine serves them all.
  const config = views[0]!.config;
  const settings = JSON.stringify(config);
  if (made?.settings !== settings) made = {settings, engine: createEngine(config)};
  const engine = made.engine;
  // Listings' cards come rendered from the main thread, where each was rendered once; bodies come beside the plans.
  return jobs.map(({plan, edition, versions}, index) => renderPage(engine, plan, views[edition]!.site, views[edition]!.config, (_, place) => cards[index]![place]!, () => bodies[index]!, versions));
}
