import fs from 'node:fs';
import path from 'node:path';
import sharp, {type Sharp} from 'sharp';

/** A colourful, detailed test pattern (gradients and a fine XOR grid), so encoders have work to do. */
export function pattern(width: number, height: number, channels: 3 | 4 = 3): Sharp {
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      pixels[i] = Math.round((x * 255) / width);
      pixels[i + 1] = Math.round((y * 255) / height);
      pixels[i + 2] = (x ^ y) & 255;
      if (channels === 4) pixels[i + 3] = x < width / 2 ? 255 : 0;
    }
  }
  return sharp(pixels, {raw: {width, height, channels}});
}

/** EXIF with a GPS position and a camera serial number: what must never be published. */
const privateExif = {
  IFD0: {Make: 'FixtureCam', Model: 'FC-1', Copyright: 'Fixture'},
  IFD2: {BodySerialNumber: 'SERIAL-0042'},
  IFD3: {GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1'},
};

/**
 * An IPTC block (APP13, "Photoshop 3.0", resource 0x0404) with caption, by-line, credit and
 * copyright, as photo desks' tools write it; sharp cannot write IPTC, so it is put in by hand.
 */
function iptcSegment(fields: {caption: string; byline: string; credit: string; copyright: string}): Buffer {
  const dataset = (number: number, text: string) => {
    const value = Buffer.from(text, 'utf8');
    const head = Buffer.from([0x1c, 2, number, value.length >> 8, value.length & 255]);
    return Buffer.concat([head, value]);
  };
  let iptc = Buffer.concat([Buffer.from([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47]), dataset(0, '\u0000\u0004'), dataset(120, fields.caption), dataset(80, fields.byline), dataset(110, fields.credit), dataset(116, fields.copyright)]);
  if (iptc.length % 2) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const resource = Buffer.concat([Buffer.from('Photoshop 3.0\u0000', 'latin1'), Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, iptc]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(resource.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xed]), length, resource]);
}

/** The photos of the image tests, written into `dir`. Returns their file names. */
export async function makePhotos(dir: string): Promise<Record<'gps' | 'rotated' | 'iptc' | 'truncated' | 'alpha' | 'gif', string>> {
  fs.mkdirSync(dir, {recursive: true});
  const write = (name: string, bytes: Buffer) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return name;
  };
  const gps = write('harbour-gps.jpg', await pattern(2000, 1500).jpeg({quality: 90}).withExif(privateExif).toBuffer());
  // Stored 1200×800 landscape, EXIF orientation 6: shown as 800×1200 portrait.
  const rotated = write('pier-rotated.jpg', await pattern(1200, 800).jpeg({quality: 90}).withMetadata({orientation: 6}).toBuffer());
  const plain = await pattern(1000, 750).jpeg({quality: 90}).toBuffer();
  const iptc = write('quay-iptc.jpg', Buffer.concat([plain.subarray(0, 2), iptcSegment({caption: 'Boats at the east quay at dawn.', byline: 'Jo Doe', credit: 'Harbour Times', copyright: '© 2020 Harbour Times'}), plain.subarray(2)]));
  const whole = await pattern(1600, 1200).jpeg({quality: 90}).toBuffer();
  const truncated = write('broken-truncated.jpg', whole.subarray(0, Math.floor(whole.length / 2)));
  const alpha = write('logo-alpha.png', await pattern(640, 480, 4).png().toBuffer());
  const gif = write('anim.gif', await pattern(300, 200).gif().toBuffer());
  return {gps, rotated, iptc, truncated, alpha, gif};
}
