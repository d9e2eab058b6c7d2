import fs from 'node:fs';
import path from 'node:path';
import {generatePhoto} from './generate-photos.ts';

/**
 * A site of `count` articles, each with its own generated photo (1280×853, a camera JPEG's
 * look at a size that still gets four widths) as the lead image and nothing else, so a build's
 * time is mostly the image stage's. Returns the articles folder.
 */
export async function writePhotoCorpus(dir: string, count: number): Promise<string> {
  const articles = path.join(dir, 'articles');
  fs.mkdirSync(articles, {recursive: true});
  for (let index = 0; index < count; index++) {
    const name = `photo-${String(index).padStart(4, '0')}`;
    fs.writeFileSync(path.join(articles, `${name}.jpg`), await generatePhoto(index + 1, 1280, 853));
    const day = String((index % 28) + 1).padStart(2, '0');
    fs.writeFileSync(
      path.join(articles, `2024-03-${day}-${name}.md`),
      `---\ntitle: "Photo story ${index}"\ndate: "2024-03-${day}T${String(index % 24).padStart(2, '0')}:00:00Z"\nimage:\n  src: ${name}.jpg\n  alt: "Generated skyline number ${index}"\n  credit: "Generated image (CC0)"\n---\n\nA short story under photo ${index}.\n`,
    );
  }
  return articles;
}
