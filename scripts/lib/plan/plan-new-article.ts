import {DateTime} from 'luxon';
import {stringify} from 'yaml';
import {placeholderText} from '../article/find-placeholder.ts';
import {slugify} from '../slugify.ts';

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
 * Markdown gets front matter (title, date, section, `draft: true`); wire copy has front
 * matter with `draft: true` (and the section) above the headline. Both are drafts until their
 * author removes `draft: true`.
 */
export function planNewArticle(request: NewArticleRequest): NewArticle {
  const local = DateTime.fromISO(request.now, {zone: 'utc'}).setZone(request.timezone);
  const day = local.toFormat('yyyy-MM-dd');
  const base = slugify(request.headline) || 'article';
  let slug = base;
  for (let n = 2; request.taken.has(slug); n += 1) slug = `${base}-${n}`;

  const headline = request.headline.replace(/\s+/g, ' ').trim();
  const frontMatter = (data: Record<string, string | boolean>): string => `---\n${stringify(data, {lineWidth: 0})}---\n`;
  // A draft, as Hugo's `new` makes: nothing is published before its author says so. Wire copy
  // takes the same front matter above its headline (the only way a .txt file can say it).
  if (request.format === 'wire') {
    const data: Record<string, string | boolean> = {draft: true};
    if (request.section) data['section'] = request.section;
    return {name: `${day}-${slug}.txt`, slug, contents: `${frontMatter(data)}${headline}\n\n${placeholderText.wire}\n`};
  }
  const data: Record<string, string | boolean> = {title: headline, date: local.toISO({suppressMilliseconds: true})!};
  if (request.section) data['section'] = request.section;
  data['draft'] = true;
  return {name: `${day}-${slug}.md`, slug, contents: `${frontMatter(data)}\n${placeholderText.markdown}\n`};
}

/** The slug a file name gives an article (`2017-01-12-budget-vote.md` → `budget-vote`). */
export function slugOfFileName(name: string): string {
  return slugify(name.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
