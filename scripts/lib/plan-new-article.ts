import {DateTime} from 'luxon';
import {stringify} from 'yaml';
import {slugify} from './slugify.ts';

/** What `dateline new` is asked for. */
export interface NewArticleRequest {
  readonly headline: string;
  readonly section?: string | undefined;
  /** `wire`: a plain-text `.txt` file; `markdown` (default): `.md` with front matter. */
  readonly format: 'markdown' | 'wire';
  /** Now, as a UTC ISO instant. */
  readonly now: string;
  /** The site's time zone: the file's date and the front matter's `date` are local to it. */
  readonly timezone: string;
  /** Slugs already used by articles (from their file names), so the new one is unique. */
  readonly taken: ReadonlySet<string>;
}

/** The article file to create: its name in the articles folder, and its text. */
export interface NewArticle {
  readonly name: string;
  readonly slug: string;
  readonly contents: string;
}

/**
 * Plan a new article: `YYYY-MM-DD-slug.md` (or `.txt`) dated now in the site's time zone,
 * with a slug made from the headline that no other article uses (`-2`, `-3` … added).
 * Markdown gets front matter (title, date, section); wire copy has the headline on its
 * first line (with front matter above it only for a section).
 */
export function planNewArticle(request: NewArticleRequest): NewArticle {
  const local = DateTime.fromISO(request.now, {zone: 'utc'}).setZone(request.timezone);
  const day = local.toFormat('yyyy-MM-dd');
  const base = slugify(request.headline) || 'article';
  let slug = base;
  for (let n = 2; request.taken.has(slug); n += 1) slug = `${base}-${n}`;

  const headline = request.headline.replace(/\s+/g, ' ').trim();
  const frontMatter = (data: Record<string, string>): string => `---\n${stringify(data, {lineWidth: 0})}---\n`;
  if (request.format === 'wire') {
    const head = request.section ? frontMatter({section: request.section}) : '';
    return {name: `${day}-${slug}.txt`, slug, contents: `${head}${headline}\n\nWrite the story here, in plain text. Separate paragraphs with a blank line.\n`};
  }
  const data: Record<string, string> = {title: headline, date: local.toISO({suppressMilliseconds: true})!};
  if (request.section) data['section'] = request.section;
  return {name: `${day}-${slug}.md`, slug, contents: `${frontMatter(data)}\nWrite the story here, in Markdown.\n`};
}

/** The slug a file name gives an article (`2017-01-12-budget-vote.md` → `budget-vote`). */
export function slugOfFileName(name: string): string {
  return slugify(name.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
