import {listingFeedPaths} from '../../feeds/feed-paths.ts';
import type {FeedPlanner} from '../../feeds/plan-feed-sets.ts';
import {archivePaths, planFeedHistory} from '../../feeds/plan-archives.ts';
import type {Article, OutputFile, SiteConfig} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * Each edition's main feeds (`feed.xml`, `atom.xml`, `feed.json`, in its folder: the newest `feedSize` articles
 * and every article of the month still open) and their RFC 5005 history: one RSS and one Atom
 * archive per closed calendar month (see `planFeedHistory`),
 * `archive/YYYY/MM/feed.xml` and `archive/YYYY/MM/atom.xml`, chained by `prev-archive` and
 * `next-archive`, each linking the main feed as `current`.
 */
export function emitFeeds({editions, feeds}: EmitContext): OutputFile[] {
  return editions.flatMap(({publicArticles, config}) => editionFeeds(publicArticles, config, feeds));
}

/** One edition's main feeds and their history, in its folder (`fr/feed.xml`, `fr/archive/2017/01/atom.xml`), in its language. */
function editionFeeds(articles: readonly Article[], config: SiteConfig, feeds: FeedPlanner): OutputFile[] {
  const prefix = config.edition.path;
  const {current, archives: months} = planFeedHistory(articles, config.timezone, config.feedSize, prefix);
  const paths = listingFeedPaths(prefix);
  const main = {rss: paths.rss, atom: paths.atom};
  const files = feeds.files({
    title: config.title,
    description: config.description,
    home: prefix,
    paths,
    // The main edition's id is the site's, as it was before editions; another's is in its folder.
    id: config.idBase + prefix,
    language: config.language,
    articles: current,
    history: {archive: false, prev: months[0] && archivePaths(months[0])},
  });
  months.forEach((month, index) => {
    files.push(
      ...feeds.files({
        title: `${config.title} – archive ${month.year}-${month.month}`,
        description: config.description,
        home: prefix,
        paths: archivePaths(month),
        id: config.idBase + prefix,
        language: config.language,
        articles: month.articles,
        history: {archive: true, current: main, prev: months[index + 1] && archivePaths(months[index + 1]!), next: months[index - 1] && archivePaths(months[index - 1]!)},
      }),
    );
  });
  return files;
}
