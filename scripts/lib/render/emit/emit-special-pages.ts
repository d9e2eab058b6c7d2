import {searchShardDirs} from '../../search/plan-search-shards.ts';
import {renderStandalonePage} from '../render-pages.ts';
import {hrefOf} from '../../urls.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * The pages that list no articles: `404.html` at the root (static hosts serve it for any
 * missing path, so every link in it is absolute under the sub-path) and the search page.
 */
export function emitSpecialPages({config, publicArticles, engine, site, digest}: EmitContext): OutputFile[] {
  // The search index's older shards, which the search page merges into the newest (`pagefind/`).
  // The shards of what is indexed: the public articles, as the search step gets them.
  const merge = searchShardDirs(publicArticles.length, config.searchShardSize)
    .slice(0, -1)
    .map((dir) => hrefOf(config, dir))
    .join(' ');
  const pages = [
    {template: '404', output: '404.html', page: {title: 'Page not found', description: 'There is no page at this address.', path: '404.html'}},
    {template: 'search', output: 'search/index.html', page: {title: 'Search', description: `Search every article on ${config.title}`, path: 'search/', search_merge: merge}},
  ].filter((page) => config.search || page.template !== 'search');
  return pages.map(({template, output, page}) => ({
    path: output,
    key: digest({template, page}),
    render: () => renderStandalonePage(engine, template, page, site, config),
  }));
}
