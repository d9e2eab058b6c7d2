import sharp, {type Sharp} from 'sharp';
import {encoderSettings, type DerivedFormat, type ImagePlan} from './plan-image.ts';

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
    out.push({name: variant.name, contents: await encode(resized, variant.format).toBuffer()});
  }
  // Crops keep the region libvips's attention strategy finds most salient (deterministic: the same pixels give the same crop).
  for (const crop of plan.crops) {
    const cropped = pixels().resize({width: crop.width, height: crop.height, fit: 'cover', position: encoderSettings.crop.position});
    out.push({name: crop.name, contents: await encode(cropped, crop.format).toBuffer()});
  }
  return out;
}

/** One format's encoder, with the settings of {@link encoderSettings}; JPEG has no alpha, so it is flattened on white. */
function encode(image: Sharp, format: DerivedFormat): Sharp {
  if (format === 'avif') return image.avif(encoderSettings.avif);
  if (format === 'webp') return image.webp(encoderSettings.webp);
  if (format === 'png') return image.png(encoderSettings.png);
  return image.flatten({background: '#ffffff'}).jpeg(encoderSettings.jpeg);
}
