import type {Article, SiteConfig} from '../types.ts';

/** Room for a document's own parts (declarations, stylesheet, channel, links, generator), besides its title and description. */
const documentAllowance = 2048;

/** Room for an item's own parts (id, links, dates, guid, enclosure, markup), besides its text. */
const itemAllowance = 768;

/**
 * How many times an item's texts appear in its largest format (a title in `title` and the
 * content, a summary in `description`, `summary` and the summarized content), plain text
 * being mostly unescaped. An estimate: the renderers check real sizes (`buildFeeds`).
 */
const textFactor = 2;

/** What fits in one feed document: the articles whose item carries their summary and a link instead of the whole body. */
export interface FeedBudget {
  /** Paths of the articles whose items are summarized, newest first. */
  readonly summarized: readonly string[];
  /** False when the document passes the budget even with every item summarized (too many articles for `feedMaxBytes`). */
  readonly fits: boolean;
}

/**
 * Decide, from the articles' summaries alone (never their bodies), which items of a feed
 * document carry the whole article and which its summary and a link, so that no format of
 * the document passes `feedMaxBytes`. Newest first, an item keeps its whole body when that
 * still fits the room left once every later item is counted summarized; the item whose body
 * would pass the budget is summarized, and so on down the list. Sizes are estimates (the
 * body is counted exactly, as a JSON string, its largest form); the renderers check the real
 * sizes and summarize more items if an estimate fell short (`buildFeeds`). Deterministic: the same articles and
 * budget, the same choice, whatever the cache holds.
 *
 * @param articles The document's items, newest first.
 * @param texts The document's own texts (title, description) that the formats repeat.
 */
export function fitFeedBudget(articles: readonly Article[], texts: readonly string[], config: SiteConfig): FeedBudget {
  const own = documentAllowance + textFactor * bytesOf([...texts, config.title, config.copyright]) + 6 * config.url.length;
  const sizes = articles.map((article) => sizesOf(article, config));
  let room = config.feedMaxBytes - own - sizes.reduce((sum, size) => sum + size.summarized, 0);
  const fits = room >= 0;
  const summarized: string[] = [];
  articles.forEach((article, index) => {
    const size = sizes[index]!;
    const extra = size.item + article.feedBytes - size.summarized;
    if (extra <= room) room -= Math.max(0, extra);
    else summarized.push(article.path);
  });
  return {summarized, fits};
}

/** An article's item sizes: without its body, and summarized. */
interface ItemSizes {
  readonly url: string;
  readonly item: number;
  readonly summarized: number;
}

/** Each article's {@link ItemSizes}, for the site URL they were counted with: the same in every feed that carries it, and in every build of a process (`serve`). */
const sizeMemo = new WeakMap<Article, ItemSizes>();

function sizesOf(article: Article, config: SiteConfig): ItemSizes {
  let sizes = sizeMemo.get(article);
  if (sizes?.url !== config.url) {
    const item = itemSize(article, config);
    sizes = {url: config.url, item, summarized: item + textFactor * bytesOf([article.summary || article.excerpt || article.title])};
    sizeMemo.set(article, sizes);
  }
  return sizes;
}

/** An item's size without its body: its texts, escaped, its URLs and its fixed parts. */
function itemSize(article: Article, config: SiteConfig): number {
  const texts = [
    article.title,
    article.summary || article.excerpt,
    article.id,
    article.section ?? '',
    ...article.authors,
    ...article.tags,
    ...article.corrections.map((correction) => correction.text),
    article.image?.alt ?? '',
    article.image?.caption ?? '',
    article.image?.credit ?? '',
    article.image?.src ?? '',
  ];
  return itemAllowance + 64 * article.corrections.length + textFactor * bytesOf(texts) + 5 * (config.url.length + article.path.length);
}

function bytesOf(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
}

/** What an emitter tells the author about a feed document that would pass `feedMaxBytes`. */
export type FeedSizeReport =
  /** The article's item in `document` carries its summary and a link instead of the body. */
  | {readonly kind: 'summarized'; readonly article: Article; readonly document: string}
  /** `document` passes the budget even with every item summarized. */
  | {readonly kind: 'over'; readonly document: string; readonly items: number};
