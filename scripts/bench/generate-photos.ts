import sharp from 'sharp';

/**
 * A photo-like picture made from numbers alone, the same for the same seed: an evening sky
 * graded from orange to violet, a sea with ripples, a skyline of blocks with lit windows, and
 * film grain, so encoders meet gradients, edges and noise as in a real photo. The sample
 * site's `articles/east-quay-dusk.jpg` was made with it (seed 1, 2400×1600); the benchmark's
 * photo corpus too. Being generated, it shows no one and nowhere: it is CC0.
 */
export async function generatePhoto(seed: number, width: number, height: number): Promise<Buffer> {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: small, fast and reproducible.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const horizon = Math.round(height * (0.55 + random() * 0.1));
  const blocks: {x0: number; x1: number; top: number}[] = [];
  for (let x = 0; x < width; ) {
    const w = Math.round(width * (0.03 + random() * 0.07));
    blocks.push({x0: x, x1: x + w, top: horizon - Math.round(height * (0.05 + random() * 0.25))});
    x += w + Math.round(random() * width * 0.02);
  }
  // The roof line of each column (the first block covering it), or none: blocks do not overlap.
  const tops = new Int32Array(width).fill(-1);
  for (const block of blocks) for (let x = block.x0; x < Math.min(block.x1, width); x++) if (tops[x] === -1) tops[x] = block.top;
  const hue = random() * 0.3;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      let r: number, g: number, b: number;
      const t = y / horizon;
      if (y < horizon) {
        r = 250 - 120 * t + 40 * hue;
        g = 140 - 90 * t + 60 * hue;
        b = 90 + 80 * t;
        const top = tops[x]!;
        if (top !== -1 && y >= top) {
          const lit = (Math.floor(x / 9) + Math.floor(y / 13)) % 7 === 0 && (x % 9 > 3 && y % 13 > 5);
          [r, g, b] = lit ? [255, 214, 120] : [28, 24, 40];
        }
      } else {
        const depth = (y - horizon) / (height - horizon);
        const ripple = Math.sin(x / (6 + depth * 30) + y / 3) * 18 * (1 - depth);
        r = 120 - 90 * depth + ripple;
        g = 70 - 40 * depth + ripple / 2;
        b = 110 - 50 * depth + ripple / 3;
      }
      const grain = (random() - 0.5) * 14;
      pixels[i] = clamp(r + grain);
      pixels[i + 1] = clamp(g + grain);
      pixels[i + 2] = clamp(b + grain);
    }
  }
  return sharp(pixels, {raw: {width, height, channels: 3}}).jpeg({quality: 88}).toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
