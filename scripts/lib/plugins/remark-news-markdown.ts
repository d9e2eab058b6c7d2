import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough';
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table';
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough';
import {gfmTable} from 'micromark-extension-gfm-table';
import type {Processor} from 'unified';

/**
 * The parts of GitHub Flavored Markdown that news copy uses: tables and strikethrough.
 * Full GFM (remark-gfm) also scans every word for bare URLs, footnotes and task lists, which
 * nearly doubles the parse; sites that want them set `gfm: true` in the config.
 */
export function remarkNewsMarkdown(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}
