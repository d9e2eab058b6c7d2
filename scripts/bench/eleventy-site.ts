import fs from 'node:fs';
import path from 'node:path';

/**
 * A minimal Eleventy 3 site comparable to Dateline's and Hugo's for the benchmark: a page per
 * article (Markdown through markdown-it, no Liquid pre-processing), a front page of the 20 newest
 * and an RSS feed of 20 items (`@11ty/eleventy-plugin-rss`). Eleventy is never a dependency of
 * Dateline: `eleventyDir` is a folder where `npm i @11ty/eleventy@3 @11ty/eleventy-plugin-rss`
 * was run, named by `ELEVENTY_DIR`. Returns the command line that builds the site.
 */
export function writeEleventySite(dir: string, posts: string, eleventyDir: string): {command: string; args: string[]} {
  const modules = path.join(eleventyDir, 'node_modules');
  fs.mkdirSync(path.join(dir, '_includes'), {recursive: true});
  fs.cpSync(posts, path.join(dir, 'posts'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'posts', 'posts.json'), JSON.stringify({layout: 'post.liquid'}));
  const plugin = JSON.stringify(path.join(modules, '@11ty/eleventy-plugin-rss/.eleventy.js'));
  fs.writeFileSync(
    path.join(dir, 'eleventy.config.mjs'),
    `import {feedPlugin} from ${plugin};
export default function (config) {
  config.addCollection('posts', (api) => api.getFilteredByGlob('posts/*.md'));
  config.addPlugin(feedPlugin, {
    type: 'rss',
    outputPath: '/feed.xml',
    collection: {name: 'posts', limit: 20},
    metadata: {language: 'en', title: 'Bench', subtitle: '', base: 'https://bench.example/news/', author: {name: 'Bench'}},
  });
}
export const config = {markdownTemplateEngine: false, htmlTemplateEngine: 'liquid'};
`,
  );
  const base = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body>${body}</body></html>\n`;
  fs.writeFileSync(path.join(dir, '_includes', 'post.liquid'), base('<article><h1>{{ title }}</h1><time>{{ page.date | date: "%Y-%m-%d" }}</time>{{ content }}</article>'));
  fs.writeFileSync(
    path.join(dir, 'index.liquid'),
    `---\ntitle: Bench\n---\n${base('<ul>{% assign newest = collections.posts | reverse %}{% for post in newest limit: 20 %}<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>{% endfor %}</ul>')}`,
  );
  return {command: process.execPath, args: [path.join(modules, '@11ty/eleventy/cmd.cjs'), '--quiet', `--input=${dir}`, `--output=${path.join(dir, '_site')}`, `--config=${path.join(dir, 'eleventy.config.mjs')}`]};
}
