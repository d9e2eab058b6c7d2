import type {Element, Properties} from 'hast';
import type {DerivedFormat, ImagePlan} from './plan-image.ts';

/**
 * How wide the default theme shows an article's images: the text column (`--measure: 68ch`,
 * about 40rem in the serif body font) on wide screens, the screen less its padding on narrow ones.
 * Measured in Chromium: 664 px at 1280 px, 343 px at 375 px.
 */
export const columnSizes = '(min-width: 46rem) 42rem, calc(100vw - 2rem)';

/** Media types of the derived formats, for `<source type>`. */
export const mediaTypes: Record<DerivedFormat, string> = {avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png'};

/** The `srcset` of one format: every width, its names made into URLs by `url`. */
export function srcsetOf(plan: ImagePlan, format: DerivedFormat, url: (name: string) => string): string {
  return plan.variants
    .filter((variant) => variant.format === format)
    .map((variant) => `${url(variant.name)} ${variant.width}w`)
    .join(', ');
}

/** The `<source>` elements' data: AVIF first, then WebP (the browser takes the first type it knows). */
export function sourcesOf(plan: ImagePlan, url: (name: string) => string): {type: string; srcset: string}[] {
  return (['avif', 'webp'] as const).map((format) => ({type: mediaTypes[format], srcset: srcsetOf(plan, format, url)}));
}

/**
 * A `<picture>` for a body image: AVIF and WebP sources and the `<img>` (its other
 * properties, such as `alt` and `title`, kept) with the fallback's `srcset`, the column's
 * `sizes`, `width`/`height` of the main file (the original's aspect), lazy loading and async decoding.
 */
export function pictureElement(plan: ImagePlan, img: Element): Element {
  const url = (name: string) => encodeURIComponent(name);
  const properties: Properties = {
    ...img.properties,
    src: url(plan.main.name),
    srcSet: srcsetOf(plan, plan.fallback, url),
    sizes: columnSizes,
  };
  if (img.properties['width'] === undefined && img.properties['height'] === undefined) {
    properties['width'] = plan.main.width;
    properties['height'] = plan.main.height;
  }
  properties['loading'] ??= 'lazy';
  properties['decoding'] ??= 'async';
  const source = ({type, srcset}: {type: string; srcset: string}): Element => ({type: 'element', tagName: 'source', properties: {type, srcSet: srcset, sizes: columnSizes}, children: []});
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [...sourcesOf(plan, url).map(source), {...img, properties}],
    ...(img.position ? {position: img.position} : {}),
  };
}
