import fs from 'node:fs';
import path from 'node:path';

/** A running watch; `close` stops it. */
export interface SourceWatch {
  readonly ready: Promise<void>;
  readonly close: () => Promise<void>;
}

/** Folders the watch leaves out, with all they hold. */
const ignored = /(^|[/\\])(\.git|node_modules)([/\\]|$)/;

/**
 * Watch the site's sources (articles, templates, the config) and call `changed` once
 * per burst of changes: editors often write a file in several steps, so events are
 * gathered until `settle` milliseconds pass without one, then sent in one call. 30 ms is
 * longer than an editor takes between the steps of one save (truncate and write, or write a
 * temporary file and rename it), and close to webpack's 20: the reload waits for it on every
 * save. A straggler past it only starts a second, smaller rebuild (rebuilds queue up).
 *
 * One `fs.watch` per folder (inotify, FSEvents or ReadDirectoryChangesW underneath), and
 * nothing looked at on a change but the name the system reports: the build decides what
 * changed. (chokidar, used before, read and `lstat`ed the whole folder again on every change
 * in it: about 90 ms of the main thread per save in a folder of 10,000 articles, while the
 * build ran, and it held a watch per file.) A watched path that is missing, or replaced by
 * a rename as editors save, is watched for through the folder above it.
 *
 * @param paths Folders and files to watch (missing ones are watched for creation).
 * @param changed Called with the paths changed in the burst, sorted.
 */
export function watchSources(paths: readonly string[], changed: (paths: string[]) => void, settle = 30): SourceWatch {
  const roots = paths.map((file) => path.resolve(file));
  /** Each watched folder's watcher. */
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const report = (file: string): void => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending].sort();
      pending = new Set();
      changed(batch);
    }, settle);
  };
  const within = (file: string, folder: string): boolean => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
  const inRoot = (file: string): boolean => roots.some((root) => within(file, root));
  /** Whether `file` is a root or on the way to one (a folder above it). */
  const towardRoot = (file: string): boolean => roots.some((root) => within(root, file));

  const unwatch = (folder: string): void => {
    for (const [dir, watcher] of watchers) {
      if (!within(dir, folder)) continue;
      watcher.close();
      watchers.delete(dir);
    }
  };
  /** Watch `folder` and, when it is in a root, every folder in it. */
  const watchFolder = (folder: string, deep: boolean): void => {
    if (closed || watchers.has(folder) || ignored.test(folder)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, {persistent: true}, (event, name) => onEvent(folder, event, name));
    } catch {
      return;
    }
    // A watched folder removed or unreadable: stop watching it; its parent reports the removal.
    watcher.on('error', () => unwatch(folder));
    watchers.set(folder, watcher);
    if (!deep) return;
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(folder, {withFileTypes: true});
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) watchFolder(path.join(folder, entry.name), true);
  };
  /** Watch each root, or the nearest folder above it that exists, to see it appear. */
  const watchRoots = (): void => {
    for (const root of roots) {
      let stats: fs.Stats | undefined;
      try {
        stats = fs.statSync(root);
      } catch {}
      if (stats?.isDirectory()) watchFolder(root, true);
      // A file is watched through its folder: a save by rename replaces it, and a watch on it would stay with the old one.
      let above = path.dirname(root);
      while (!fs.existsSync(above) && path.dirname(above) !== above) above = path.dirname(above);
      watchFolder(above, false);
    }
  };
  const onEvent = (folder: string, event: string, name: string | Buffer | null): void => {
    if (closed) return;
    const file = name ? path.join(folder, name.toString()) : folder;
    if (ignored.test(file)) return;
    const mine = inRoot(file);
    if (!mine && !towardRoot(file)) return;
    if (event === 'rename') {
      // Something appeared or went: a folder to watch, or watched folders gone.
      let stats: fs.Stats | undefined;
      try {
        stats = fs.lstatSync(file);
      } catch {}
      if (!stats) unwatch(file);
      else if (stats.isDirectory() && mine) watchFolder(file, true);
      if (!mine) watchRoots();
    }
    report(mine ? file : (roots.find((root) => within(root, file)) ?? file));
  };

  watchRoots();
  return {
    ready: Promise.resolve(),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
