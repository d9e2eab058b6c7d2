import fs from 'node:fs';
import path from 'node:path';
import type {Element, Root} from 'hast';
import {imageProblem} from '../check-image.ts';
import {eachElement} from '../each-element.ts';
import type {VFile} from 'vfile';
import {imageDimensions} from '../image-dimensions.ts';
import {pictureElement} from '../../images/picture.ts';
import {isRaster, planImage, sourceHashOf} from '../../images/plan-image.ts';
import type {ArticleAsset, SiteConfig} from '../../types.ts';

/** Options for {@link rehypeLocalImages}. */
export interface LocalImagesOptions {
  /** The articles folder: images must stay inside it. */
  readonly articlesDir: string;
  /** The image settings (`imageWidths`, `maxImagePixels`): raster images become `<picture>`s of derived sizes. */
  readonly images: Pick<SiteConfig, 'imageWidths' | 'maxImagePixels'>;
}

/** A file to copy next to the article's page, or to derive sizes of. */
export type Asset = ArticleAsset;

declare module 'vfile' {
  interface DataMap {
    /** Local images found in the body, copied next to the page by the build. */
    assets: Asset[];
  }
}

/**
 * Find `<img src>` that point at files next to the article, check they exist inside
 * the articles folder, and list them in `file.data.assets`. A raster image (JPEG, PNG, GIF,
 * WebP, AVIF) becomes a `<picture>` of the sizes and formats the image stage derives; an SVG
 * is rewritten to its copy next to the page with its intrinsic `width` and `height` (unless
 * the author set them). Missing, escaping, oversized and unreadable images are errors with their position.
 */
export function rehypeLocalImages(options: LocalImagesOptions) {
  const root = path.resolve(options.articlesDir);
  return function (tree: Root, file: VFile): void {
    const replacements: {parent: Root | Element; index: number; node: Element}[] = [];
    const assets: Asset[] = (file.data.assets ??= []);
    const sourceDir = path.dirname(path.resolve(file.cwd, file.path));
    eachElement(tree, (node, index, parent) => {
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
      const place = node.position ? {line: node.position.start.line, column: node.position.start.column} : undefined;
      if (isRaster(resolved.from)) {
        const plan = planImage(resolved.from, options.images);
        if ('reason' in plan) {
          const message = file.message(`image "${src}" ${plan.reason}`, {place: node.position, ruleId: 'image', source: 'dateline'});
          message.fatal = true;
          return;
        }
        if (!assets.some((asset) => asset.from === resolved.from)) assets.push({from: resolved.from, name, image: plan, ...(place ? {place} : {})});
        const picture = pictureElement(plan, node);
        // Inside an author's own <picture>, the image keeps its place and takes the derived files.
        if (parent.type === 'element' && parent.tagName === 'picture') node.properties = (picture.children.at(-1) as Element).properties;
        else replacements.push({parent, index, node: picture});
        return;
      }
      if (!assets.some((asset) => asset.from === resolved.from)) assets.push({from: resolved.from, name, sourceHash: sourceHashOf(fs.readFileSync(resolved.from))});
      node.properties['src'] = encodeURIComponent(name);
      const size = imageDimensions(resolved.from);
      if (size && node.properties['width'] === undefined && node.properties['height'] === undefined) {
        node.properties['width'] = size.width;
        node.properties['height'] = size.height;
      }
    });
    for (const {parent, index, node} of replacements) parent.children[index] = node;
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
