import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough';
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table';
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough';
import {gfmTable} from 'micromark-extension-gfm-table';
import type {Processor} from 'unified';

/** Options for {@link remarkNewsMarkdown}: which of the two constructs to read (both by default). */
export interface NewsMarkdownOptions {
  /** GFM tables. */
  readonly table?: boolean;
  /** GFM strikethrough (`~~text~~`). */
  readonly strikethrough?: boolean;
}

/**
 * The parts of GitHub Flavored Markdown that news copy uses: tables and strikethrough.
 * Full GFM (remark-gfm) also scans every word for bare URLs, footnotes and task lists, which
 * nearly doubles the parse; sites that want them set `gfm: true` in the config.
 */
export function remarkNewsMarkdown(this: Processor, options: NewsMarkdownOptions = {}): void {
  const data = this.data();
  const micromark = (data.micromarkExtensions ??= []);
  const fromMarkdown = (data.fromMarkdownExtensions ??= []);
  if (options.table !== false) {
    micromark.push(gfmTable());
    fromMarkdown.push(gfmTableFromMarkdown());
  }
  if (options.strikethrough !== false) {
    micromark.push(gfmStrikethrough());
    fromMarkdown.push(gfmStrikethroughFromMarkdown());
  }
}
