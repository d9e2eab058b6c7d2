import fs from 'node:fs';
import {imageSize} from 'image-size';

/**
 * The intrinsic width and height of a local image file (PNG, JPEG, GIF, WebP, AVIF, SVG…),
 * so pages can reserve its space before it loads; undefined when the format has none
 * (an SVG with neither `width`/`height` nor a `viewBox`) or the file is not an image.
 */
export function imageDimensions(file: string): {width: number; height: number} | undefined {
  try {
    const size = imageSize(fs.readFileSync(file));
    const orientation = size.orientation ?? 1;
    if (!size.width || !size.height) return undefined;
    // EXIF orientations 5–8 turn the picture a quarter: browsers show it with the sides swapped.
    return orientation >= 5 ? {width: size.height, height: size.width} : {width: size.width, height: size.height};
  } catch {
    return undefined;
  }
}
