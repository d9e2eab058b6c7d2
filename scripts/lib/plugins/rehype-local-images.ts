import fs from 'node:fs';
import path from 'node:path';
import type {Root} from 'hast';
import {imageProblem} from '../check-image.ts';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {imageDimensions} from '../image-dimensions.ts';

/** Options for {@link rehypeLocalImages}. */
export interface LocalImagesOptions {
  /** The articles folder: images must stay inside it. */
  readonly articlesDir: string;
}

/** A file to copy next to the article's page. */
export interface Asset {
  /** Absolute source path. */
  readonly from: string;
  /** File name in the page's folder. */
  readonly name: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Local images found in the body, copied next to the page by the build. */
    assets: Asset[];
  }
}

/**
 * Find `<img src>` that point at files next to the article, check they exist inside
 * the articles folder, rewrite them to the copy next to the page, give them their intrinsic
 * `width` and `height` (unless the author set them), and list them in `file.data.assets`. Missing or escaping images are errors with their position.
 */
export function rehypeLocalImages(options: LocalImagesOptions) {
  const root = path.resolve(options.articlesDir);
  return function (tree: Root, file: VFile): void {
    const assets: Asset[] = (file.data.assets ??= []);
    const sourceDir = path.dirname(path.resolve(file.cwd, file.path));
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img' || typeof node.properties['src'] !== 'string') return;
      const src = node.properties['src'];
      if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(src)) return;
      const resolved = resolveLocal(src, sourceDir, root);
      if ('reason' in resolved) {
        const message = file.message(resolved.reason, {place: node.position, ruleId: 'image', source: 'dateline'});
        message.fatal = true;
        return;
      }
      const name = path.basename(resolved.from);
      if (!assets.some((asset) => asset.from === resolved.from)) assets.push({from: resolved.from, name});
      node.properties['src'] = encodeURIComponent(name);
      const size = imageDimensions(resolved.from);
      if (size && node.properties['width'] === undefined && node.properties['height'] === undefined) {
        node.properties['width'] = size.width;
        node.properties['height'] = size.height;
      }
    });
  };
}

/** Resolve an image reference against the article's folder, refusing anything outside `root`. */
export function resolveLocal(src: string, sourceDir: string, root: string): {from: string} | {reason: string} {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return {reason: `image "${src}" is not a valid URL path`};
  }
  const from = path.resolve(sourceDir, decoded);
  if (from !== root && !from.startsWith(root + path.sep)) {
    return {reason: `image "${src}" is outside the articles folder; put the file next to the article`};
  }
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) {
    return {reason: `image "${src}" not found; put the file next to the article or fix the path`};
  }
  // A symbolic link inside the folder may still lead out of it.
  const real = fs.realpathSync(from);
  const realRoot = fs.realpathSync(root);
  if (!real.startsWith(realRoot + path.sep)) {
    return {reason: `image "${src}" is a symbolic link leading outside the articles folder; copy the file in instead`};
  }
  const problem = imageProblem(real);
  return problem ? {reason: `image "${src}" ${problem}`} : {from: real};
}
