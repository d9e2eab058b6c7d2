import {generateOpml} from 'feedsmith';
import {listingFeedPaths, mainFeedPaths, opmlPath, type FeedPaths} from '../../feeds/feed-paths.ts';
import {authors, sections, tags, type Group} from '../../plan/plan-pages.ts';
import type {OutputFile} from '../../types.ts';
import {urlOf} from '../../urls.ts';
import type {EmitContext} from './context.ts';

/**
 * `feeds.opml`: an OPML 2.0 subscription list of every feed of the site, in every format;
 * written only when its outlines or the settings change (feedsmith's first document costs
 * more than the rest of the step).
 */
export function emitOpml({publicArticles: articles, config, digest}: EmitContext): OutputFile[] {
  const outlines = (title: string, home: string, paths: FeedPaths) =>
    (
      [
        ['RSS', paths.rss],
        ['Atom', paths.atom],
        ['JSON Feed', paths.json],
      ] as const
    ).map(([format, feed]) => ({text: `${title} (${format})`, title: `${title} (${format})`, type: 'rss', xmlUrl: urlOf(config, feed), htmlUrl: urlOf(config, home), language: config.language}));
  const group = (kind: 'section' | 'tag' | 'author', label: string, groups: readonly Group[]) =>
    groups.length === 0 ? [] : [{text: label, outlines: groups.flatMap((item) => outlines(`${config.title}: ${item.name}`, `${kind}/${item.slug}/`, listingFeedPaths(`${kind}/${item.slug}/`)))}];
  const document = {
    head: {title: `${config.title}: feeds`},
    body: {outlines: [...outlines(config.title, '', mainFeedPaths), ...group('section', 'Sections', sections(articles)), ...group('tag', 'Tags', tags(articles)), ...group('author', 'Authors', authors(articles))]},
  };
  const render = (): string => {
    const opml = generateOpml(document);
    return opml.endsWith('\n') ? opml : `${opml}\n`;
  };
  return [{path: opmlPath, key: digest(['opml', document]), render}];
}
