/**
 * The image stage end to end: a site whose photos the test makes with sharp (GPS EXIF,
 * EXIF-rotated, IPTC caption and credit, PNG with transparency, GIF, truncated), built with
 * the real CLI. Checks the bytes (no metadata in any output, right dimensions), the pages
 * (every `srcset` candidate exists; lead and body attributes), the cache (a warm build does no
 * image work and equals a cold one) and the errors (file, line, column; `dist/` untouched).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {root} from './helpers/config.ts';
import {decodeEntities, listFiles, removeTempDirs, snapshot, snapshotDifferences, tempDir} from './helpers/files.ts';
import {makePhotos} from './helpers/make-photos.ts';
import {runCli} from './helpers/run-cli.ts';

const now = '2020-04-01T00:00:00Z';
const harbourPage = '2020/03/harbour/';
const quayPage = '2020/03/quay/';

/** A site with the test photos and two articles that use them; `config` is appended to its config file. */
async function makeSite(config = ''): Promise<{dir: string; photos: Awaited<ReturnType<typeof makePhotos>>}> {
  const dir = path.join(tempDir(), 'site');
  const photos = await makePhotos(path.join(dir, 'articles'));
  fs.writeFileSync(path.join(dir, 'dateline.config.yaml'), `title: Photo Times\nurl: https://owner.github.io/repo/\nsearch: false\ntemplatesDir: ${JSON.stringify(path.join(root, 'templates'))}\n${config}\n`);
  fs.writeFileSync(
    path.join(dir, 'articles', '2020-03-01-harbour.md'),
    `---\ntitle: Harbour at dawn\ndate: 2020-03-01T10:00:00Z\nimage:\n  src: ${photos.gps}\n  alt: The harbour at dawn\n  caption: Front-matter caption.\n  credit: "Photo: Desk"\n---\n\nThe pier, turned by its camera:\n\n![The pier](${photos.rotated})\n\nA logo with transparency: ![Logo](${photos.alpha}) and a GIF: ![Animation](${photos.gif})\n`,
  );
  fs.writeFileSync(path.join(dir, 'articles', '2020-03-02-quay.md'), `---\ntitle: The quay\ndate: 2020-03-02T10:00:00Z\nimage:\n  src: ${photos.iptc}\n  alt: Boats at the quay\n---\n\nNo caption in front matter.\n`);
  return {dir, photos};
}

/** Build the site with the real CLI; `steps` is the `--verbose` step list (on stdout). */
function build(dir: string, ...args: string[]) {
  const result = runCli(['build', '--now', now, '--verbose', ...args], {cwd: dir});
  return {...result, steps: result.stdout};
}

/** Every URL in every `srcset` (and `src`) of the page's `<picture>`s, with its `w` descriptor. */
function candidates(html: string): {url: string; width: number | undefined}[] {
  const found: {url: string; width: number | undefined}[] = [];
  for (const picture of html.match(/<picture>.*?<\/picture>/gs) ?? []) {
    for (const [, set] of picture.matchAll(/srcset="([^"]*)"/g)) {
      for (const item of decodeEntities(set!).split(',')) {
        const [url, descriptor] = item.trim().split(/\s+/);
        found.push({url: url!, width: descriptor ? Number(descriptor.slice(0, -1)) : undefined});
      }
    }
    for (const [, src] of picture.matchAll(/ src="([^"]*)"/g)) found.push({url: decodeEntities(src!), width: undefined});
  }
  return found;
}

/** The output file a URL on the page at `page` points at. */
function fileOf(dist: string, page: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url, `https://owner.github.io/repo/${page}`).pathname);
  return path.join(dist, pathname.replace(/^\/repo\//, ''));
}

/** One site built once (cold) for the tests that only read its output; the others work on copies, build cache and all. */
const shared: {dir?: string; photos?: Awaited<ReturnType<typeof makePhotos>>; cold?: ReturnType<typeof build>} = {};

test.before(async () => {
  Object.assign(shared, await makeSite());
  shared.cold = build(shared.dir!);
  assert.is(shared.cold.status, 0, shared.cold.stderr);
});

/** A copy of the shared site, its output and build cache included (so its photos come from the cache). */
function copyOfShared(config = ''): {dir: string; photos: Awaited<ReturnType<typeof makePhotos>>} {
  const dir = path.join(tempDir(), 'copy');
  fs.cpSync(shared.dir!, dir, {recursive: true});
  if (config) fs.appendFileSync(path.join(dir, 'dateline.config.yaml'), `${config}\n`);
  return {dir, photos: shared.photos!};
}

test.after(() => removeTempDirs());

test('should publish every photo as AVIF, WebP and JPEG/PNG at each width, every srcset candidate a real file of that width', async () => {
  const {dir, photos} = {dir: shared.dir!, photos: shared.photos!};
  const dist = path.join(dir, 'dist');
  for (const page of [harbourPage, quayPage]) {
    const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
    const found = candidates(html);
    assert.ok(found.length > 0, `no <picture> on ${page}`);
    for (const {url, width} of found) {
      const file = fileOf(dist, page, url);
      assert.ok(fs.existsSync(file), `${page}: ${url} is not in the output`);
      const meta = await sharp(file).metadata();
      if (width !== undefined) assert.is(meta.width, width, `${url} is ${meta.width} px wide, its descriptor says ${width}w`);
    }
  }
  const names = fs.readdirSync(path.join(dist, harbourPage));
  // 2000 px wide: 480, 800, 1200 and 1600, never wider; names carry the content hash.
  for (const width of [480, 800, 1200, 1600]) {
    for (const extension of ['avif', 'webp', 'jpg']) assert.ok(names.some((name) => new RegExp(`^harbour-gps-[0-9a-f]{10}-${width}\\.${extension}$`).test(name)), `harbour ${width} ${extension} missing: ${names}`);
  }
  assert.not.ok(names.some((name) => /-2000\./.test(name)), 'a width wider than the widest setting');
  // The originals are not published by default.
  for (const photo of Object.values(photos)) assert.not.ok(listFiles(dist).some((file) => path.basename(file) === photo), `${photo} published as it is`);
  // The PNG keeps its transparency in a PNG fallback; the GIF (300 px) is one width only, as PNG.
  const alpha = names.filter((name) => name.startsWith('logo-alpha-') && name.endsWith('.png'));
  assert.ok(alpha.length > 0, `no PNG fallback for the transparent logo: ${names}`);
  assert.ok((await sharp(path.join(dist, harbourPage, alpha[0]!)).metadata()).hasAlpha, 'the PNG fallback lost its alpha channel');
  assert.equal(names.filter((name) => name.startsWith('anim-')).sort(), names.filter((name) => /^anim-[0-9a-f]{10}-300\.(avif|webp|png)$/.test(name)).sort());
  assert.is(names.filter((name) => name.startsWith('anim-')).length, 3);
});

test('should strip EXIF, GPS, XMP and IPTC from every derived file, and apply EXIF orientation', async () => {
  const dir = shared.dir!;
  const dist = path.join(dir, 'dist');
  const images = listFiles(dist).filter((file) => /\.(avif|webp|jpe?g|png|gif)$/.test(file));
  assert.ok(images.length >= 30, `only ${images.length} images`);
  for (const file of images) {
    const full = path.join(dist, file);
    const meta = await sharp(full).metadata();
    assert.is(meta.exif, undefined, `${file} has EXIF`);
    assert.is(meta.xmp, undefined, `${file} has XMP`);
    assert.is(meta.iptc, undefined, `${file} has IPTC`);
    const bytes = fs.readFileSync(full).toString('latin1');
    for (const secret of ['SERIAL-0042', 'FixtureCam', 'Jo Doe', 'Harbour Times']) assert.not.ok(bytes.includes(secret), `${file} carries "${secret}"`);
  }
  // Stored 1200×800 with orientation 6: published upright, 800×1200, and so sized on the page.
  const pier = fs.readdirSync(path.join(dist, harbourPage)).filter((name) => name.startsWith('pier-rotated-') && name.endsWith('-800.jpg'));
  assert.is(pier.length, 1);
  const meta = await sharp(path.join(dist, harbourPage, pier[0]!)).metadata();
  assert.equal([meta.width, meta.height, meta.orientation ?? 1], [800, 1200, 1]);
  const html = fs.readFileSync(path.join(dist, harbourPage, 'index.html'), 'utf8');
  assert.match(html, new RegExp(`<img src="${pier[0]}" alt="The pier" srcset="[^"]+" sizes="[^"]+" width="800" height="1200" loading="lazy" decoding="async">`));
});

test('should give the lead photo fetchpriority=high and no lazy loading, and take caption and credit from IPTC when front matter has none', async () => {
  const dir = shared.dir!;
  const dist = path.join(dir, 'dist');
  const harbour = fs.readFileSync(path.join(dist, harbourPage, 'index.html'), 'utf8');
  const lead = /<figure class="lead-figure">.*?<\/figure>/s.exec(harbour)?.[0] ?? '';
  assert.match(lead, /<picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp"/);
  assert.match(lead, /<img src="\/repo\/2020\/03\/harbour\/harbour-gps-[0-9a-f]{10}-1200\.jpg" srcset="[^"]+" sizes="[^"]+" alt="The harbour at dawn" width="1200" height="900" fetchpriority="high">/);
  assert.not.match(lead, /loading=/);
  assert.match(lead, /Front-matter caption\. <span class="credit">Photo: Desk<\/span>/);
  const quay = fs.readFileSync(path.join(dist, quayPage, 'index.html'), 'utf8');
  assert.match(quay, /<figcaption>Boats at the east quay at dawn\. <span class="credit">Jo Doe\/Harbour Times<\/span><\/figcaption>/);
});

test('should give feeds no enclosure that points at an unpublished original or carries a wrong length', async () => {
  const dist = path.join(shared.dir!, 'dist');
  const feed = fs.readFileSync(path.join(dist, 'feed.xml'), 'utf8');
  assert.match(feed, /harbour-gps-[0-9a-f]{10}-1200\.jpg/, 'the lead photo is in the feed, as its derived JPEG');
  const enclosures = [...feed.matchAll(/<enclosure ([^>]*)>/g)].map(([, attributes]) => [/url="([^"]+)"/.exec(attributes!)?.[1], /length="(\d+)"/.exec(attributes!)?.[1]]);
  for (const [url, length] of enclosures) {
    const file = path.join(dist, new URL(decodeEntities(url!)).pathname.replace(/^\/repo\//, ''));
    assert.ok(fs.existsSync(file), `enclosure ${url} is a file of the site`);
    assert.is(fs.statSync(file).size, Number(length), `enclosure ${url} has its real length`);
  }
});

test('should do no image work on a warm build, and write the same bytes as a cold one', async () => {
  const dir = shared.dir!;
  const cold = shared.cold!;
  assert.match(cold.steps, /images \(5 derived, 0 from the cache\)/);
  const first = snapshot(path.join(dir, 'dist'));
  const warm = build(dir);
  assert.is(warm.status, 0, warm.stderr);
  assert.match(warm.steps, /images \(0 derived, 5 from the cache\)/);
  assert.equal(snapshotDifferences(first, snapshot(path.join(dir, 'dist'))), []);
  const uncached = build(dir, '--no-cache', '--out', 'dist-cold');
  assert.match(uncached.steps, /images \(5 derived, 0 from the cache\)/);
  assert.equal(snapshotDifferences(first, snapshot(path.join(dir, 'dist-cold'))), []);
});

test('should derive a changed photo again under a new name, though its article did not change', async () => {
  const {dir, photos} = copyOfShared();
  // A first build in the copy caches its articles (the cache keys them by their folder too).
  assert.is(build(dir).status, 0);
  const before = fs.readFileSync(path.join(dir, 'dist', quayPage, 'index.html'), 'utf8');
  const file = path.join(dir, 'articles', photos.iptc);
  fs.writeFileSync(file, await sharp(file).flop().jpeg().toBuffer());
  const again = build(dir);
  assert.is(again.status, 0, again.stderr);
  assert.match(again.steps, /images \(1 derived, 4 from the cache\)/);
  const after = fs.readFileSync(path.join(dir, 'dist', quayPage, 'index.html'), 'utf8');
  assert.is.not(after, before);
  for (const {url} of candidates(after)) assert.ok(fs.existsSync(fileOf(path.join(dir, 'dist'), quayPage, url)), url);
});

test('should publish the originals too with publishOriginals: true', async () => {
  const {dir, photos} = copyOfShared('publishOriginals: true');
  assert.is(build(dir).status, 0);
  assert.ok(fs.existsSync(path.join(dir, 'dist', harbourPage, photos.gps)));
});

test('should refuse a truncated photo, one over maxImagePixels and an unsupported type, naming article, line and file, and leave dist/ as it was', async () => {
  const {dir, photos} = copyOfShared();
  const good = snapshot(path.join(dir, 'dist'));
  const article = path.join(dir, 'articles', '2020-03-03-broken.md');
  fs.writeFileSync(article, `---\ntitle: Broken\ndate: 2020-03-03T10:00:00Z\n---\n\nText.\n\n![Half a photo](${photos.truncated})\n`);
  let result = build(dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /articles\/2020-03-03-broken\.md:8:1: error: image "broken-truncated\.jpg" could not be read \([^)]*\); the file may be truncated or corrupt: export it again \(image\)/);
  assert.equal(snapshotDifferences(good, snapshot(path.join(dir, 'dist'))), []);

  await sharp({create: {width: 64, height: 64, channels: 3, background: '#888'}}).tiff().toFile(path.join(dir, 'articles', 'scan.jpg'));
  fs.writeFileSync(article, `---\ntitle: Broken\ndate: 2020-03-03T10:00:00Z\n---\n\nText.\n\nSee ![A scan](scan.jpg)\n`);
  result = build(dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /articles\/2020-03-03-broken\.md:8:5: error: image "scan\.jpg" is a TIFF file, which browsers cannot show; export it as JPEG, PNG, WebP or AVIF \(image\)/);
  fs.rmSync(article);

  fs.appendFileSync(path.join(dir, 'dateline.config.yaml'), 'maxImagePixels: 2000000\n');
  result = build(dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /articles\/2020-03-01-harbour\.md:5:3: error: `image\.src`: image "harbour-gps\.jpg" is 2000×1500 pixels \(3 megapixels\), over the limit of 2 \(config `maxImagePixels`\); scale it down before publishing \(image\)/);
  assert.equal(snapshotDifferences(good, snapshot(path.join(dir, 'dist'))), []);
});

test('should refuse image settings of the wrong type in the config, at their line', () => {
  const {dir} = copyOfShared('imageWidths: [800, wide]\npublishOriginals: maybe');
  const result = build(dir);
  assert.is(result.status, 1);
  assert.match(result.stderr, /dateline\.config\.yaml:6:\d+: error: .*imageWidths.*must be a whole number of pixels, e\.g\. 800/);
  assert.match(result.stderr, /dateline\.config\.yaml:7:\d+: error: .*publishOriginals.*must be true or false/);
});

test.run();
