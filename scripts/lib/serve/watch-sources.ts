import {watch} from 'chokidar';

/** A running watch; `close` stops it. */
export interface SourceWatch {
  readonly ready: Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * Watch the site's sources (articles, templates, the config) and call `changed` once
 * per burst of changes: editors often write a file in several steps, so events are
 * gathered for `settle` milliseconds before one call.
 *
 * @param paths Folders and files to watch (missing ones are watched for creation).
 * @param changed Called with the paths changed in the burst, sorted.
 */
export function watchSources(paths: readonly string[], changed: (paths: string[]) => void, settle = 80): SourceWatch {
  const watcher = watch([...paths], {ignoreInitial: true, ignored: (file) => /(^|[/\\])(\.git|node_modules)([/\\]|$)/.test(file)});
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending].sort();
      pending = new Set();
      changed(batch);
    }, settle);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
