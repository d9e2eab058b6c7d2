import {listingFeedPaths} from '../../feeds/feed-paths.ts';
import {authors, sections, tags, type Group} from '../../plan/plan-pages.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/** Every section's, tag's and author's own RSS, Atom and JSON feeds, next to its listing page. */
export function emitListingFeeds({publicArticles: articles, config, feeds}: EmitContext): OutputFile[] {
  const words = {section: 'Articles in', tag: 'Articles tagged', author: 'Articles by'};
  const feedsOf = (kind: 'section' | 'tag' | 'author', group: Group): OutputFile[] => {
    const base = `${kind}/${group.slug}/`;
    return feeds.files({
      title: `${config.title}: ${group.name}`,
      description: `${words[kind]} ${group.name}`,
      home: base,
      paths: listingFeedPaths(base),
      id: `${config.idBase}${base}`,
      articles: group.articles.slice(0, config.feedSize),
    });
  };
  return [
    ...sections(articles).flatMap((group) => feedsOf('section', group)),
    ...tags(articles).flatMap((group) => feedsOf('tag', group)),
    ...authors(articles).flatMap((group) => feedsOf('author', group)),
  ];
}
