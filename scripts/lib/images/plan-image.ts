import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {imageSize} from 'image-size';
import type {SiteConfig} from '../types.ts';

/** Formats a derived image is written in. */
export type DerivedFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** One derived file: a width in one format. */
export interface ImageVariant {
  /** File name in the page's folder: the source's stem, the image's key and the width (`harbour-3f9a1c2b7d-800.webp`). */
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly format: DerivedFormat;
}

/** The aspect ratios of the crops search engines are given (Google's article guidelines ask for 16:9, 4:3 and 1:1). */
export const cropRatios = [
  {name: '16x9', width: 16, height: 9},
  {name: '4x3', width: 4, height: 3},
  {name: '1x1', width: 1, height: 1},
] as const;

/** The fewest pixels a crop may have: Google ignores article images under 50,000 pixels. */
export const minCropPixels = 50_000;

/** One crop of the image to an aspect ratio (the centre of interest kept), in the fallback format: JSON-LD `image`. */
export interface ImageCrop {
  /** File name in the page's folder: the source's stem, the image's key and the ratio (`harbour-3f9a1c2b7d-16x9.jpg`). */
  readonly name: string;
  /** `16x9`, `4x3` or `1x1`. */
  readonly ratio: (typeof cropRatios)[number]['name'];
  readonly width: number;
  readonly height: number;
  readonly format: 'jpeg' | 'png';
}

/** What the image stage will make of one local raster image: plain data, decided before any pixel is decoded. */
export interface ImagePlan {
  /** Absolute path of the source file. */
  readonly source: string;
  /** Hash of the source's bytes: a cached article whose image changed is parsed again. */
  readonly sourceHash: string;
  /** Hash of the source's bytes and every setting derivation depends on: names the output files and the cache entry. */
  readonly key: string;
  /** The source's width and height as shown (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
  /** The fallback format for browsers without WebP/AVIF: PNG for images that can be transparent, JPEG for photos. */
  readonly fallback: 'jpeg' | 'png';
  /** Every derived file, narrowest first, AVIF, WebP and the fallback at each width. */
  readonly variants: readonly ImageVariant[];
  /** The fallback at the widest width up to {@link defaultWidth}: `src`, `og:image`, feeds. */
  readonly main: ImageVariant;
  /** The fallback at the narrowest width of at least {@link thumbnailWidth} (the widest there is, for a smaller image): feeds' `media:thumbnail`. */
  readonly thumbnail: ImageVariant;
  /** For a lead image: crops to 16:9, 4:3 and 1:1, at most {@link defaultWidth} wide, never upscaled; those under {@link minCropPixels} are left out. Empty for a body image. */
  readonly crops: readonly ImageCrop[];
}

/** Every file the image stage makes of a plan: the variants, then the crops. */
export function derivedFiles(plan: ImagePlan): readonly (ImageVariant | ImageCrop)[] {
  return [...plan.variants, ...plan.crops];
}

/** Raster types the stage reads (GIF: its first frame). SVG is not a raster: it is copied as it is. */
const rasterTypes = new Set(['jpg', 'png', 'gif', 'webp', 'avif']);

/** The width of the image `src` points at (and social previews use): 1200 px, as Open Graph and Google ask. */
export const defaultWidth = 1200;

/** The narrowest a feed's thumbnail may be: readers show thumbnails up to about 300 px wide. */
export const thumbnailWidth = 300;

/** sharp's version (and with it libvips's): another encoder may give other bytes, so it is part of every image's key. */
const sharpVersion = (JSON.parse(fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('sharp')), '..', 'package.json'), 'utf8')) as {version: string}).version;

/**
 * Encoder settings. AVIF is the slow one: on a 2000×1500 photo, its four widths take 0.48 s at
 * effort 0 and 1.34 s at effort 2 (WebP 0.35 s, JPEG 0.11 s, one libvips thread), so effort 0.
 * Bump `version` when derivation changes, so no cache entry made the old way is reused.
 */
export const encoderSettings = {version: 2, crop: {position: 'attention'}, avif: {quality: 50, effort: 0}, webp: {quality: 78, effort: 4}, jpeg: {quality: 80, progressive: true, mozjpeg: false}, png: {compressionLevel: 9, effort: 7}} as const;

/** Whether a local image file is one the stage derives sizes of (by extension; SVGs are copied). */
export function isRaster(file: string): boolean {
  return ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'].includes(path.extname(file).toLowerCase());
}

/**
 * Plan the derived files of one local raster image from its header: its shown size, the
 * widths (config `imageWidths`, never wider than the original, plus the original's own width
 * when it is narrower than the widest setting), the formats and the content-hashed names.
 * Refuses, with a reason for the author, a file over `maxImagePixels`, one whose type
 * browsers cannot show, and one that is no image at all. Decoding problems (a truncated
 * file) are found when the pixels are read, by `deriveImage`.
 *
 * @param options `crops`: plan the 16:9, 4:3 and 1:1 crops too (for a lead image, whose page's
 *   JSON-LD names them). They do not change the key: a body image's plan and a lead image's of
 *   one file name the same files, the lead's a few more.
 */
export function planImage(file: string, config: Pick<SiteConfig, 'imageWidths' | 'maxImagePixels'>, options: {readonly crops?: boolean} = {}): ImagePlan | {reason: string} {
  const bytes = fs.readFileSync(file);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    return {reason: `is not a readable image (${(error as Error).message}); export it again as JPEG, PNG, WebP or AVIF`};
  }
  const type = size.type ?? 'unknown';
  if (!rasterTypes.has(type)) return {reason: `is a ${type.toUpperCase()} file, which browsers cannot show; export it as JPEG, PNG, WebP or AVIF`};
  if (!size.width || !size.height) return {reason: 'has no width or height in its header; export it again'};
  const pixels = size.width * size.height;
  if (pixels > config.maxImagePixels) {
    return {reason: `is ${size.width}×${size.height} pixels (${megapixels(pixels)} megapixels), over the limit of ${megapixels(config.maxImagePixels)} (config \`maxImagePixels\`); scale it down before publishing`};
  }
  const turned = (size.orientation ?? 1) >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const sourceHash = sourceHashOf(bytes);
  const widths = [...new Set(config.imageWidths)].sort((a, b) => a - b);
  const chosen = widths.filter((w) => w < width);
  if (width <= widths.at(-1)!) chosen.push(width);
  const fallback = type === 'png' || type === 'gif' || (type === 'webp' && webpHasAlpha(bytes)) ? 'png' : 'jpeg';
  const key = createHash('sha256').update(JSON.stringify({sourceHash, widths: chosen, fallback, encoderSettings, sharpVersion})).digest('hex').slice(0, 10);
  const stem = path.basename(file, path.extname(file));
  const extension = {avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png'} as const;
  const variants = chosen.flatMap((w) =>
    (['avif', 'webp', fallback] as const).map((format) => ({name: `${stem}-${key}-${w}.${extension[format]}`, width: w, height: Math.max(1, Math.round((w * height) / width)), format})),
  );
  const fallbacks = variants.filter((variant) => variant.format === fallback);
  const main = fallbacks.filter((variant) => variant.width <= defaultWidth).at(-1) ?? fallbacks[0]!;
  const thumbnail = fallbacks.find((variant) => variant.width >= thumbnailWidth) ?? fallbacks.at(-1)!;
  const crops = (options.crops ? cropRatios : []).flatMap((ratio): ImageCrop[] => {
    // As wide as the original allows at this ratio, up to the default width; the height follows.
    const w = Math.min(defaultWidth, width, Math.floor((height * ratio.width) / ratio.height));
    const h = Math.round((w * ratio.height) / ratio.width);
    if (w * h < minCropPixels || h > height) return [];
    return [{name: `${stem}-${key}-${ratio.name}.${extension[fallback]}`, ratio: ratio.name, width: w, height: h, format: fallback}];
  });
  return {source: file, sourceHash, key, width, height, fallback, variants, main, thumbnail, crops};
}

/** Whether a WebP file may be transparent: an extended header with the alpha flag, or a lossless one. */
function webpHasAlpha(bytes: Uint8Array): boolean {
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === 'VP8X') return ((bytes[20] ?? 0) & 0x10) !== 0;
  return chunk === 'VP8L';
}

function megapixels(pixels: number): string {
  return String(Math.round(pixels / 100_000) / 10);
}

/** The hash of a local file's bytes, as articles keep it for their images (`ImagePlan.sourceHash`, `ArticleAsset.sourceHash`): a later build compares it to tell the file changed. */
export function sourceHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
