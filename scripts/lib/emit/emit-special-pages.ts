import {renderStandalonePage} from '../render-pages.ts';
import type {OutputFile} from '../types.ts';
import type {EmitContext} from './context.ts';

/**
 * The pages that list no articles: `404.html` at the root (static hosts serve it for any
 * missing path, so every link in it is absolute under the sub-path) and the search page.
 */
export function emitSpecialPages({config, engine, site}: EmitContext): OutputFile[] {
  return [
    renderStandalonePage(engine, '404', '404.html', {title: 'Page not found', description: 'There is no page at this address.', path: '404.html'}, site, config),
    renderStandalonePage(engine, 'search', 'search/index.html', {title: 'Search', description: `Search every article on ${config.title}`, path: 'search/'}, site, config),
  ];
}
