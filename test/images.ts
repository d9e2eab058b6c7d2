/**
 * The image stage end to end: a site whose photos the test makes with sharp (GPS EXIF,
 * EXIF-rotated, IPTC caption and credit, PNG with transparency, GIF, truncated), built with
 * the real CLI. Checks the bytes (no metadata in any output, right dimensions), the pages
 * (every `srcset` candidate exists; lead and body attributes), the feeds (enclosures,
 * `media:content` and `media:thumbnail` of real files, read by three parsers; plain images in
 * the content), the previews (`og:image`, JSON-LD crops), the cache (a warm build does no
 * image work and equals a cold one; dropped photos are pruned) and the errors (file, line,
 * column; `dist/` untouched).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {extractFromXml} from '@extractus/feed-extractor';
import {parseFeed} from 'feedsmith';
import Parser from 'rss-parser';
import sharp from 'sharp';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {fixture, root} from './helpers/config.ts';
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

/** The file of the site's output an absolute URL points at. */
function fileOfUrl(dist: string, url: string): string {
  const {href, pathname} = new URL(decodeEntities(url));
  assert.ok(href.startsWith('https://owner.github.io/repo/'), `${url} is not an absolute URL of the site`);
  return path.join(dist, decodeURIComponent(pathname).replace(/^\/repo\//, ''));
}

/** An element's attributes, by name, from its start tag. */
function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decodeEntities(value!)]));
}

/** Assert that `url` is a file of the output of `width`×`height` pixels in `format` (and, when given, `bytes` long); its path. */
async function assertImage(dist: string, url: string, expected: {width?: number | string | undefined; height?: number | string | undefined; bytes?: number | string | undefined; type?: string | undefined}): Promise<string> {
  const file = fileOfUrl(dist, url);
  assert.ok(fs.existsSync(file), `${url} is not in the output`);
  const meta = await sharp(file).metadata();
  if (expected.width !== undefined) assert.is(meta.width, Number(expected.width), `${url}: ${meta.width} px wide, the feed says ${expected.width}`);
  if (expected.height !== undefined) assert.is(meta.height, Number(expected.height), `${url}: ${meta.height} px high, the feed says ${expected.height}`);
  if (expected.bytes !== undefined) assert.is(fs.statSync(file).size, Number(expected.bytes), `${url}: ${fs.statSync(file).size} bytes, the feed says ${expected.bytes}`);
  if (expected.type !== undefined) assert.is(`image/${meta.format}`, expected.type, `${url} is ${meta.format}, the feed says ${expected.type}`);
  return file;
}

test('should give each RSS and Atom item its lead photo as an enclosure, media:content and media:thumbnail of real derived files', async () => {
  const dist = path.join(shared.dir!, 'dist');
  for (const feedPath of ['feed.xml', 'atom.xml', 'archive/2020/03/feed.xml', 'archive/2020/03/atom.xml'].filter((file) => fs.existsSync(path.join(dist, file)))) {
    const xml = fs.readFileSync(path.join(dist, feedPath), 'utf8');
    const items = xml.split(/<item>|<entry[ >]/).slice(1);
    assert.is(items.length, 2, feedPath);
    for (const item of items) {
      const enclosure = attributesOf(/<enclosure [^>]*>|<link rel="enclosure"[^>]*>/.exec(item)?.[0] ?? '');
      const url = enclosure['url'] ?? enclosure['href'];
      assert.ok(url, `${feedPath}: an item without an enclosure`);
      assert.match(url!, /-(1200|1000)\.jpg$/, `${feedPath}: the enclosure is the mid-size JPEG`);
      await assertImage(dist, url!, {bytes: enclosure['length'], type: enclosure['type']});
      const content = attributesOf(/<media:content [^>]*>/.exec(item)?.[0] ?? '');
      assert.is(content['url'], url, `${feedPath}: media:content is the enclosure's file`);
      assert.is(content['medium'], 'image');
      await assertImage(dist, content['url']!, {width: content['width'], height: content['height'], bytes: content['fileSize'], type: content['type']});
      assert.ok(Number(content['width']) > 0 && Number(content['height']) > 0, `${feedPath}: media:content has its size`);
      const thumbnail = attributesOf(/<media:thumbnail [^>]*>/.exec(item)?.[0] ?? '');
      assert.ok(thumbnail['url'], `${feedPath}: an item without media:thumbnail`);
      await assertImage(dist, thumbnail['url']!, {width: thumbnail['width'], height: thumbnail['height']});
      assert.ok(Number(thumbnail['width']) >= 300 && Number(thumbnail['width']) < Number(content['width']), `${feedPath}: the thumbnail is ${thumbnail['width']} px wide`);
    }
  }
  const json = JSON.parse(fs.readFileSync(path.join(dist, 'feed.json'), 'utf8')) as {items: {image?: string}[]};
  assert.is(json.items.length, 2);
  for (const item of json.items) await assertImage(dist, item.image!, {type: 'image/jpeg'});
});

test('should keep Atom with photo enclosures valid against the RFC 4287 schema (jing)', () => {
  const dist = path.join(shared.dir!, 'dist');
  const feeds = listFiles(dist).filter((file) => file.endsWith('atom.xml'));
  assert.ok(feeds.includes('atom.xml'));
  assert.match(fs.readFileSync(path.join(dist, 'atom.xml'), 'utf8'), /<link rel="enclosure" type="image\/jpeg" length="\d+"/);
  const run = spawnSync('jing', ['-c', fixture('schemas', 'atom.rnc'), ...feeds.map((file) => path.join(dist, file))], {encoding: 'utf8'});
  assert.is(run.error, undefined, 'jing must be installed (apt-get install jing)');
  const problems = (run.stdout + run.stderr).split('\n').filter((line) => line && !line.startsWith('[warning] /usr/bin/jing'));
  assert.equal(problems, []);
  assert.is(run.status, 0);
});

test('should have every item\'s thumbnail read by rss-parser, feedsmith and feed-extractor, in RSS and Atom', async () => {
  const dist = path.join(shared.dir!, 'dist');
  const rssParser = new Parser<object, {thumbnail?: {$: {url: string; width: string}}}>({customFields: {item: [['media:thumbnail', 'thumbnail']]}});
  for (const feedPath of ['feed.xml', 'atom.xml']) {
    const xml = fs.readFileSync(path.join(dist, feedPath), 'utf8');
    const expected = [...xml.matchAll(/<media:thumbnail url="([^"]+)"/g)].map(([, url]) => decodeEntities(url!));
    assert.is(expected.length, 2, feedPath);
    const byRssParser = (await rssParser.parseString(xml)).items.map((item) => item.thumbnail?.$.url);
    const parsed = parseFeed(xml);
    const entries = (parsed.format === 'rss' ? parsed.feed.items : parsed.format === 'atom' ? parsed.feed.entries : []) ?? [];
    const byFeedsmith = entries.map((entry) => (entry as {media?: {thumbnails?: {url?: string}[]}}).media?.thumbnails?.[0]?.url);
    const extracted = extractFromXml(xml, {getExtraEntryFields: (entry: Record<string, unknown>) => ({thumbnail: (entry['media:thumbnail'] as {'@_url'?: string} | undefined)?.['@_url']})});
    const byExtractor = (extracted.entries ?? []).map((entry) => (entry as {thumbnail?: string}).thumbnail);
    assert.equal(byRssParser, expected, `${feedPath}: rss-parser`);
    assert.equal(byFeedsmith, expected, `${feedPath}: feedsmith`);
    assert.equal(byExtractor, expected, `${feedPath}: feed-extractor`);
  }
});

test('should give feed content every image as a plain <img> of a mid-size JPEG or PNG by absolute URL: no srcset, no <picture>', async () => {
  const dist = path.join(shared.dir!, 'dist');
  const rss = fs.readFileSync(path.join(dist, 'feed.xml'), 'utf8');
  const bodies = [...rss.matchAll(/<content:encoded><!\[CDATA\[(.*?)\]\]><\/content:encoded>/gs)].map(([, html]) => html!);
  const json = JSON.parse(fs.readFileSync(path.join(dist, 'feed.json'), 'utf8')) as {items: {content_html: string}[]};
  const atom = fs.readFileSync(path.join(dist, 'atom.xml'), 'utf8');
  const atomBodies = [...atom.matchAll(/<content type="html"><!\[CDATA\[(.*?)\]\]><\/content>/gs)].map(([, html]) => html!);
  assert.is(bodies.length, 2);
  assert.is(atomBodies.length, 2);
  let images = 0;
  for (const html of [...bodies, ...atomBodies, ...json.items.map((item) => item.content_html)]) {
    assert.not.match(html, /srcset|sizes=|<picture|<source/i);
    for (const [tag] of html.matchAll(/<img [^>]*>/g)) {
      const src = attributesOf(tag)['src']!;
      assert.match(src, /^https:\/\/owner\.github\.io\/repo\/.*-\d+\.(jpg|png)$/, `${src} is not an absolute URL of a derived JPEG or PNG`);
      const width = (await sharp(await assertImage(dist, src, {})).metadata()).width!;
      assert.ok(width <= 1200, `${src} is ${width} px wide`);
      images++;
    }
  }
  // The harbour story shows its lead photo, the pier, the logo and the GIF; the quay story its lead photo: in three formats.
  assert.is(images, 3 * 5);
});

test('should give og:image the lead photo\'s 1200-px JPEG (the original\'s width when smaller), its size and alt', async () => {
  const dist = path.join(shared.dir!, 'dist');
  for (const [page, width, height, alt] of [[harbourPage, 1200, 900, 'The harbour at dawn'], [quayPage, 1000, 750, 'Boats at the quay']] as const) {
    const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
    const meta = (property: string) => decodeEntities(new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(html)?.[1] ?? '');
    assert.is(meta('og:image:width'), String(width), page);
    assert.is(meta('og:image:height'), String(height), page);
    assert.is(meta('og:image:alt'), alt, page);
    await assertImage(dist, meta('og:image'), {width, height, type: 'image/jpeg'});
  }
});

test('should give JSON-LD the lead photo as 16:9, 4:3 and 1:1 crops of at least 50,000 pixels, each a real file of its stated size', async () => {
  const dist = path.join(shared.dir!, 'dist');
  const expected = {[harbourPage]: [[1200, 675], [1200, 900], [1200, 1200]], [quayPage]: [[1000, 563], [1000, 750], [750, 750]]};
  for (const [page, sizes] of Object.entries(expected)) {
    const html = fs.readFileSync(path.join(dist, page, 'index.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as {image: {'@type': string; url: string; width: number; height: number}[]};
    assert.is(data.image.length, 3, page);
    for (const [index, [a, b]] of [[16, 9], [4, 3], [1, 1]].entries()) {
      const crop = data.image[index]!;
      assert.is(crop['@type'], 'ImageObject');
      assert.equal([crop.width, crop.height], sizes[index], `${page}: crop ${a}:${b}`);
      await assertImage(dist, crop.url, {width: crop.width, height: crop.height, type: 'image/jpeg'});
      assert.ok(Math.abs((crop.width * b!) / a! - crop.height) <= 1, `${crop.url} is not ${a}:${b}`);
      assert.ok(crop.width * crop.height >= 50_000, `${crop.url} has under 50,000 pixels`);
    }
  }
  // Body images get no crops.
  assert.not.ok(fs.readdirSync(path.join(dist, harbourPage)).some((name) => /^(pier|logo|anim)-.*-(16x9|4x3|1x1)\./.test(name)));
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
  // The feeds follow: the new file, with its length.
  const feed = fs.readFileSync(path.join(dir, 'dist', 'feed.xml'), 'utf8');
  const enclosure = attributesOf([...feed.matchAll(/<enclosure [^>]*>/g)].map(([tag]) => tag).find((tag) => tag.includes('quay-iptc'))!);
  await assertImage(path.join(dir, 'dist'), enclosure['url']!, {bytes: enclosure['length']});
  assert.ok(after.includes(path.basename(fileOfUrl(path.join(dir, 'dist'), enclosure['url']!))), 'the feed names the page\'s new file');
});

test('should remove a dropped photo\'s entries from the image cache, and keep doing no work for the others', async () => {
  const {dir} = copyOfShared();
  assert.is(build(dir).status, 0);
  const cache = path.join(dir, 'node_modules', '.cache', 'dateline', 'images');
  const entries = () => fs.readdirSync(cache).filter((name) => name !== 'stamps.json').sort();
  const before = entries();
  assert.is(before.length, 5, `${before}`);
  const html = fs.readFileSync(path.join(dir, 'dist', quayPage, 'index.html'), 'utf8');
  const quayKey = /quay-iptc-([0-9a-f]{10})-/.exec(html)![1]!;
  assert.ok(before.includes(quayKey));
  // A half-made entry a killed build left behind goes too.
  fs.mkdirSync(path.join(cache, `${quayKey.replace(/./, (c) => (c === '0' ? '1' : '0'))}.tmp-99999`));
  fs.rmSync(path.join(dir, 'articles', '2020-03-02-quay.md'));
  const result = build(dir);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.steps, /images \(0 derived, 4 from the cache\)/);
  assert.equal(entries(), before.filter((name) => name !== quayKey));
  const stamps = JSON.parse(fs.readFileSync(path.join(cache, 'stamps.json'), 'utf8')) as Record<string, unknown>;
  assert.not.ok(Object.keys(stamps).some((file) => file.endsWith('quay-iptc.jpg')), 'the dropped photo\'s stamp is kept');
  assert.match(build(dir).steps, /images \(0 derived, 4 from the cache\)/);
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
