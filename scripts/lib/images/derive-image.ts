import sharp from 'sharp';
import {encoderSettings, type ImagePlan} from './plan-image.ts';

/**
 * Decode one planned image and encode each of its variants with sharp. EXIF orientation is
 * applied (`rotate()`), GIFs give their first frame, and no metadata is copied over (sharp
 * writes none unless asked with `withMetadata`/`keepMetadata`): no EXIF, no GPS, no XMP or IPTC.
 * A truncated or corrupt file, or one over `maxPixels`, rejects with sharp's reason.
 *
 * @returns each variant's name and bytes, in the plan's order.
 */
export async function deriveImage(plan: ImagePlan, bytes: Uint8Array, maxPixels: number): Promise<{name: string; contents: Uint8Array}[]> {
  // Decode once (failing on any decoder warning, so a truncated file is an error, not a grey band).
  const decoded = sharp(bytes, {limitInputPixels: maxPixels, failOn: 'warning', pages: 1}).rotate();
  const {data, info} = await decoded.raw().toBuffer({resolveWithObject: true});
  const pixels = () => sharp(data, {raw: {width: info.width, height: info.height, channels: info.channels}});
  const out: {name: string; contents: Uint8Array}[] = [];
  for (const variant of plan.variants) {
    const resized = pixels().resize({width: variant.width, height: variant.height, fit: 'fill'});
    const encoded =
      variant.format === 'avif'
        ? resized.avif(encoderSettings.avif)
        : variant.format === 'webp'
          ? resized.webp(encoderSettings.webp)
          : variant.format === 'png'
            ? resized.png(encoderSettings.png)
            : resized.flatten({background: '#ffffff'}).jpeg(encoderSettings.jpeg);
    out.push({name: variant.name, contents: await encoded.toBuffer()});
  }
  return out;
}
