import {mainFeedPaths} from '../../feeds/feed-paths.ts';
import {archivePaths, planFeedHistory} from '../../feeds/plan-archives.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * The site's main feeds (`feed.xml`, `atom.xml`, `feed.json`: the newest `feedSize` articles
 * and every article of the month still open) and their RFC 5005 history: one RSS and one Atom
 * archive per closed calendar month (see `planFeedHistory`),
 * `archive/YYYY/MM/feed.xml` and `archive/YYYY/MM/atom.xml`, chained by `prev-archive` and
 * `next-archive`, each linking the main feed as `current`.
 */
export function emitFeeds({publicArticles: articles, config, feeds}: EmitContext): OutputFile[] {
  const {current, archives: months} = planFeedHistory(articles, config.timezone, config.feedSize);
  const main = {rss: mainFeedPaths.rss, atom: mainFeedPaths.atom};
  const files = feeds.files({
    title: config.title,
    description: config.description,
    home: '',
    paths: mainFeedPaths,
    id: config.idBase,
    articles: current,
    history: {archive: false, prev: months[0] && archivePaths(months[0])},
  });
  months.forEach((month, index) => {
    files.push(
      ...feeds.files({
        title: `${config.title} – archive ${month.year}-${month.month}`,
        description: config.description,
        home: '',
        paths: archivePaths(month),
        id: config.idBase,
        articles: month.articles,
        history: {archive: true, current: main, prev: months[index + 1] && archivePaths(months[index + 1]!), next: months[index - 1] && archivePaths(months[index - 1]!)},
      }),
    );
  });
  return files;
}
