import fs from 'node:fs';
import path from 'node:path';
import {articleClaims} from '../../plan/claim-outputs.ts';
import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/**
 * Images next to articles (SVGs; photos' originals only with `publishOriginals`, their derived
 * sizes come from the image stage), the theme's `templates/assets/`, and `.nojekyll` for GitHub Pages.
 */
export function emitAssets({articles, config}: EmitContext): OutputFile[] {
  const files: OutputFile[] = articles.flatMap((article) =>
    article.assets.filter((asset) => !asset.image || config.publishOriginals).map((asset) => ({path: article.path + asset.name, copyFrom: asset.from, owner: articleClaims(article).owner})),
  );
  const assets = path.join(config.templatesDir, 'assets');
  if (fs.existsSync(assets)) {
    const theme = (fs.readdirSync(assets, {recursive: true, withFileTypes: true}) as fs.Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const full of theme) files.push({path: `assets/${path.relative(assets, full).split(path.sep).join('/')}`, copyFrom: full});
  }
  files.push({path: '.nojekyll', contents: ''});
  return files;
}
