import {listingFeedPaths} from '../../feeds/feed-paths.ts';
import {sections, tags, type Group} from '../../plan/plan-pages.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/** Every section's and tag's own RSS, Atom and JSON feeds, next to its listing page. */
export function emitListingFeeds({publicArticles: articles, config, feeds}: EmitContext): OutputFile[] {
  const feedsOf = (kind: 'section' | 'tag', group: Group): OutputFile[] => {
    const base = `${kind}/${group.slug}/`;
    return feeds.files({
      title: `${config.title}: ${group.name}`,
      description: `${kind === 'tag' ? 'Articles tagged' : 'Articles in'} ${group.name}`,
      home: base,
      paths: listingFeedPaths(base),
      id: `${config.idBase}${base}`,
      articles: group.articles.slice(0, config.feedSize),
    });
  };
  return [...sections(articles).flatMap((group) => feedsOf('section', group)), ...tags(articles).flatMap((group) => feedsOf('tag', group))];
}
