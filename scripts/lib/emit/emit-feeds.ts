import {buildFeeds} from '../build-feeds.ts';
import type {OutputFile} from '../types.ts';
import type {EmitContext} from './context.ts';

/** The site's main feeds: `feed.xml`, `atom.xml`, `feed.json`. */
export function emitFeeds({articles, config}: EmitContext): OutputFile[] {
  return buildFeeds(
    {
      title: config.title,
      description: config.description,
      home: '',
      paths: {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'},
      id: config.idBase,
      articles: articles.slice(0, config.feedSize),
    },
    config,
  );
}
