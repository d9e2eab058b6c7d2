import {listingFeedPaths} from '../../feeds/feed-paths.ts';
import {authors, sections, tags, type Group} from '../../plan/plan-pages.ts';
import type {FeedPlanner} from '../../feeds/plan-feed-sets.ts';
import {word} from '../render-pages.ts';
import type {Article, OutputFile, SiteConfig} from '../../types.ts';
import type {EmitContext} from './context.ts';

/** Every section's, tag's and author's own RSS, Atom and JSON feeds, next to its listing page. */
export function emitListingFeeds({editions, feeds}: EmitContext): OutputFile[] {
  return editions.flatMap(({publicArticles, config}) => editionListingFeeds(publicArticles, config, feeds));
}

/** One edition's section, tag and author feeds, in its folder and its words. */
function editionListingFeeds(articles: readonly Article[], config: SiteConfig, feeds: FeedPlanner): OutputFile[] {
  const words = {section: word(config, ['articles_in', 'Articles in']), tag: word(config, ['articles_tagged', 'Articles tagged']), author: word(config, ['articles_by', 'Articles by'])};
  const feedsOf = (kind: 'section' | 'tag' | 'author', group: Group): OutputFile[] => {
    const base = `${config.edition.path}${kind}/${group.slug}/`;
    return feeds.files({
      title: `${config.title}: ${group.name}`,
      description: `${words[kind]} ${group.name}`,
      home: base,
      paths: listingFeedPaths(base),
      id: `${config.idBase}${base}`,
      language: config.language,
      articles: group.articles.slice(0, config.feedSize),
    });
  };
  return [
    ...sections(articles).flatMap((group) => feedsOf('section', group)),
    ...tags(articles).flatMap((group) => feedsOf('tag', group)),
    ...authors(articles).flatMap((group) => feedsOf('author', group)),
  ];
}
