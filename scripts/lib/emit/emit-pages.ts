import {renderPage} from '../render-pages.ts';
import type {OutputFile} from '../types.ts';
import type {EmitContext} from './context.ts';

/** Every planned HTML page: articles, the front page, sections, tags, authors and the archive. */
export function emitPages({plans, config, engine, site, fingerprint}: EmitContext): OutputFile[] {
  return plans.map((plan) => ({
    path: `${plan.path}index.html`,
    key: fingerprint(plan),
    render: () => renderPage(engine, plan, site, config),
    plan,
  }));
}
