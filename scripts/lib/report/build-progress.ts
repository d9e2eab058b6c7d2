import type {BuildProgress} from '../build/build-site.ts';

/** Where progress goes: stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(chunk: string): boolean;
}

/** How much progress to show. */
export interface ProgressOptions {
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** A build with at least this many article files counts as long and gets plain progress lines without a terminal. */
  readonly longBuild?: number | undefined;
}

/** The build's progress callback, and `done` to call when the build returns. */
export interface ProgressReporter {
  readonly onProgress: (progress: BuildProgress) => void;
  readonly done: () => void;
}

const labels: Record<BuildProgress['step'], string> = {
  config: 'config loaded',
  load: 'article files found',
  parse: 'articles parsed',
  render: 'pages rendered',
  write: 'files written',
};

/**
 * Show a build's progress. On a terminal: one line, rewritten in place, with counts
 * (`parse 120/500 articles parsed`), erased at the end. In a log (no terminal): plain
 * lines, one per finished step and one per hundred articles parsed, for long builds or
 * with `verbose`. Nothing with `quiet`.
 */
export function progressReporter(stream: ProgressStream, options: ProgressOptions = {}): ProgressReporter {
  const longBuild = options.longBuild ?? 100;
  let plain = options.verbose ?? false;
  let shown = false;
  if (options.quiet) return {onProgress: () => {}, done: () => {}};

  const describe = ({step, done, total}: BuildProgress): string =>
    step === 'config' ? labels.config : step === 'parse' && done < total ? `${done}/${total} ${labels.parse}` : `${total} ${labels[step]}`;

  if (stream.isTTY) {
    return {
      onProgress: (progress) => {
        stream.write(`\r\x1b[2KBuilding: ${describe(progress)}`);
        shown = true;
      },
      done: () => {
        if (shown) stream.write('\r\x1b[2K');
      },
    };
  }
  return {
    onProgress: (progress) => {
      if (progress.step === 'load' && progress.total >= longBuild) plain = true;
      if (!plain) return;
      const finished = progress.step !== 'parse' || progress.done === progress.total;
      const milestone = progress.step === 'parse' && progress.done > 0 && progress.done % 100 === 0;
      if (finished || milestone) stream.write(`${describe(progress)}\n`);
    },
    done: () => {},
  };
}
