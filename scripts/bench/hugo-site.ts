import fs from 'node:fs';
import path from 'node:path';

/**
 * A minimal Hugo site comparable to Dateline's build for the benchmark: a page per article,
 * a front page and an RSS feed of 20 items. The content is written by the corpus generator.
 */
export function writeHugoSite(dir: string): void {
  fs.mkdirSync(path.join(dir, 'layouts', '_default'), {recursive: true});
  fs.writeFileSync(
    path.join(dir, 'hugo.toml'),
    'baseURL = "https://bench.example/news/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]\n[services.rss]\nlimit = 20\n[markup.goldmark.renderer]\nunsafe = false\n',
  );
  const base = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>${body}</body></html>\n`;
  fs.writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'), base('<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>'));
  fs.writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'), base('<ul>{{ range first 20 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
  fs.writeFileSync(path.join(dir, 'layouts', 'index.html'), base('<ul>{{ range first 20 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>'));
}
