import {generateOpml} from 'feedsmith';
import {listingFeedPaths, opmlPath, type FeedPaths} from '../../feeds/feed-paths.ts';
import {authors, sections, tags, type Group} from '../../plan/plan-pages.ts';
import type {Article, OutputFile, SiteConfig} from '../../types.ts';
import {urlOf} from '../../urls.ts';
import type {EmitContext} from './context.ts';

/**
 * `feeds.opml`: an OPML 2.0 subscription list of every feed of the site, in every format (with
 * editions, one group per edition, each feed with its language); written only when its
 * outlines or the settings change (feedsmith's first document costs more than the rest of the step).
 */
export function emitOpml({editions, config: site, digest}: EmitContext): OutputFile[] {
  const lists = editions.map(({publicArticles, config}) => editionOutlines(publicArticles, config));
  const document = {
    head: {title: `${site.title}: feeds`},
    body: {outlines: editions.length === 1 ? lists[0]! : editions.map(({config}, index) => ({text: `${config.title} (${config.language})`, outlines: lists[index]!}))},
  };
  const render = (): string => {
    const opml = generateOpml(document);
    return opml.endsWith('\n') ? opml : `${opml}\n`;
  };
  return [{path: opmlPath, key: digest(['opml', document]), render}];
}

/** One edition's feeds as outlines: its main feeds, then its sections', tags' and authors' in groups. */
function editionOutlines(articles: readonly Article[], config: SiteConfig) {
  const prefix = config.edition.path;
  const outlines = (title: string, home: string, paths: FeedPaths) =>
    (
      [
        ['RSS', paths.rss],
        ['Atom', paths.atom],
        ['JSON Feed', paths.json],
      ] as const
    ).map(([format, feed]) => ({text: `${title} (${format})`, title: `${title} (${format})`, type: 'rss', xmlUrl: urlOf(config, feed), htmlUrl: urlOf(config, home), language: config.language}));
  const group = (kind: 'section' | 'tag' | 'author', label: string, groups: readonly Group[]) =>
    groups.length === 0 ? [] : [{text: label, outlines: groups.flatMap((item) => outlines(`${config.title}: ${item.name}`, `${prefix}${kind}/${item.slug}/`, listingFeedPaths(`${prefix}${kind}/${item.slug}/`)))}];
  return [...outlines(config.title, prefix, listingFeedPaths(prefix)), ...group('section', 'Sections', sections(articles)), ...group('tag', 'Tags', tags(articles)), ...group('author', 'Authors', authors(articles))];
}
