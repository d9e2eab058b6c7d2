import type {VFile} from 'vfile';

/** How much to print. */
export interface ReportOptions {
  /** Print errors only. */
  readonly quiet?: boolean;
}

/**
 * Every message of a run, one per line, as `path:line:column: severity: reason (rule)`,
 * errors first within each file; files in the order given.
 */
export function formatReport(files: readonly VFile[], options: ReportOptions = {}): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const messages = [...file.messages].sort((a, b) => rank(a.fatal) - rank(b.fatal) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of messages) {
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'note';
      if (severity === 'note' && options.quiet) continue;
      if (severity === 'warning' && options.quiet) continue;
      const where = message.line ? `${file.path}:${message.line}:${message.column ?? 1}` : file.path;
      lines.push(`${where}: ${severity}: ${message.reason}${message.ruleId ? ` (${message.ruleId})` : ''}`);
    }
  }
  return lines;
}

function rank(fatal: boolean | null | undefined): number {
  return fatal ? 0 : fatal === false ? 1 : 2;
}
