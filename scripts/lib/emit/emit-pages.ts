import {planPages} from '../plan-pages.ts';
import {renderPage} from '../render-pages.ts';
import type {OutputFile} from '../types.ts';
import type {EmitContext} from './context.ts';

/** Every HTML page: articles, the front page, sections and tags. */
export function emitPages({articles, config, engine, site, fingerprint}: EmitContext): OutputFile[] {
  return planPages(articles, config).map((plan) => ({
    path: `${plan.path}index.html`,
    key: fingerprint(plan),
    render: () => renderPage(engine, plan, site, config),
    plan,
  }));
}
