import type {OutputFile} from '../types.ts';
import {hasFingerprint, PreviousFileGone, type Manifest, type OutputSession, type WriteItem} from '../output/write-output.ts';

/** How many files the render step rendered (the rest kept the last build's bytes by fingerprint). */
export interface RenderCount {
  rendered: number;
}

/**
 * The render step for one output file: render it when it is due (its fingerprint differs from
 * what the last build wrote at its path, or there is none), else say it is unchanged. What
 * comes out is what the writer takes: bytes, a file to copy, or "unchanged".
 */
export function renderDue(file: OutputFile, previous: Manifest | undefined, count: RenderCount): WriteItem {
  if (!('render' in file)) return 'contents' in file ? {path: file.path, contents: file.contents} : {path: file.path, copyFrom: file.copyFrom};
  if (hasFingerprint(previous, file.path, file.key)) return {path: file.path, key: file.key, unchanged: true};
  count.rendered++;
  let contents: string | Uint8Array;
  try {
    contents = file.render();
  } catch (error) {
    throw new TemplateError((error as Error).message, {cause: error});
  }
  return {path: file.path, key: file.key, contents};
}

/** A template (or a renderer) failed while rendering an output; the build reports it on the template file, or the config, with the template's words. */
export class TemplateError extends Error {}

/**
 * Render `file` if it is due and hand it to the writer; one whose last version was removed from
 * the output by hand since (the writer cannot link or read it) is rendered after all.
 */
export function renderAndWrite(session: OutputSession, file: OutputFile, count: RenderCount): void {
  try {
    session.write(renderDue(file, session.previous, count));
  } catch (error) {
    if (!(error instanceof PreviousFileGone) || !('render' in file)) throw error;
    session.write(renderDue(file, undefined, count));
  }
}
