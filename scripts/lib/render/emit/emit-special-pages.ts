import {searchShardDirs} from '../../search/plan-search-shards.ts';
import {renderStandalonePage, word} from '../render-pages.ts';
import {hrefOf} from '../../urls.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * The pages that list no articles, in each edition's folder and words: `404.html` (static
 * hosts serve the root one for any missing path, so every link in it is absolute under the
 * sub-path) and the search page.
 */
export function emitSpecialPages({config: site, publicArticles, editions, engine, digest}: EmitContext): OutputFile[] {
  // The search index's older shards, which the search page merges into the newest (`pagefind/`).
  // The shards of what is indexed: the public articles, as the search step gets them.
  const merge = searchShardDirs(publicArticles.length, site.searchShardSize)
    .slice(0, -1)
    .map((dir) => hrefOf(site, dir))
    .join(' ');
  return editions.flatMap(({config, site: view}) => {
    const prefix = config.edition.path;
    const pages = [
      {template: '404', output: `${prefix}404.html`, page: {title: word(config, ['page_not_found', 'Page not found']), description: word(config, ['no_page_here', 'There is no page at this address.']), path: `${prefix}404.html`}},
      {
        template: 'search',
        output: `${prefix}search/index.html`,
        page: {title: word(config, ['search', 'Search']), description: `${word(config, ['search_every_article_on', 'Search every article on'])} ${config.title}`, path: `${prefix}search/`, search_merge: merge},
      },
    ].filter((page) => config.search || page.template !== 'search');
    return pages.map(({template, output, page}) => ({
      path: output,
      key: digest({template, page, edition: prefix}),
      render: () => renderStandalonePage(engine, template, page, view, config),
    }));
  });
}
