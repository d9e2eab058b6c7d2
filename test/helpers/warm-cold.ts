import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as assert from 'uvu/assert';
import {buildSite, type BuildResult} from '../../scripts/lib/build/build-site.ts';
import {snapshot, snapshotDifferences} from './files.ts';

/**
 * Build `site` warm (cache on, into its `dist/`) and cold (no cache, into an empty folder) and
 * assert every file is the same, after `change` (named in the messages). Returns the warm build.
 */
export async function assertWarmEqualsCold(site: string, now: string, change: string): Promise<BuildResult> {
  const warm = await buildSite({cwd: site, env: {}, now});
  assert.ok(warm.ok, `${change}: warm build failed: ${warm.files.flatMap((file) => file.messages.map(String)).join('; ')}`);
  const coldOut = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cold-'));
  try {
    const cold = await buildSite({cwd: site, env: {}, now, out: path.join(coldOut, 'dist'), noCache: true});
    assert.ok(cold.ok, `${change}: cold build failed`);
    assert.equal(snapshotDifferences(snapshot(path.join(site, 'dist')), snapshot(path.join(coldOut, 'dist'))), [], `${change}: files that differ, or that only one build wrote`);
  } finally {
    fs.rmSync(coldOut, {recursive: true, force: true});
  }
  return warm;
}
