import {isNode, isPair, LineCounter, parseDocument, type Document} from 'yaml';
import type {Point} from 'unist';

/** A parsed YAML mapping with a way back from a key path to where it stands in the source. */
export interface YamlData {
  /** The parsed value, still untrusted: validate it before use. */
  readonly value: unknown;
  /** Where the value at `path` starts (1-based line and column), or the document start; with `key`, where its key starts. */
  readonly locate: (path: readonly PropertyKey[], key?: boolean) => Point;
}

/** A YAML syntax problem, with its place. */
export interface YamlProblem {
  readonly reason: string;
  readonly place: Point;
}

/**
 * Parse YAML text with the `yaml` package (YAML 1.2 core schema: dates stay strings,
 * aliases are expanded with a small cap so a "billion laughs" document fails).
 *
 * @param text YAML source.
 * @param firstLine Line number of `text`'s first line in the file it came from.
 * @returns the data, or the syntax problems with their places.
 */
export function readYaml(text: string, firstLine = 1): YamlData | {problems: YamlProblem[]} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true, strict: true});
  const shift = (line: number, col: number): Point => ({line: line + firstLine - 1, column: col});

  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {reason: firstSentence(error.message), place: shift(Math.max(pos.line, 1), pos.col)};
      }),
    };
  }

  let value: unknown;
  try {
    value = doc.toJS({maxAliasCount: 50});
  } catch (error) {
    return {problems: [{reason: `YAML could not be expanded: ${(error as Error).message}`, place: shift(1, 1)}]};
  }

  return {
    value,
    locate(path, key = false) {
      const node = nodeAt(doc, path, key);
      const offset = node?.range?.[0] ?? 0;
      const pos = lineCounter.linePos(offset);
      return shift(Math.max(pos.line, 1), pos.col);
    },
  };
}

/** The node at `path`, falling back to the nearest existing ancestor; for a key, its key node. */
function nodeAt(doc: Document, path: readonly PropertyKey[], key: boolean): {range?: [number, number, number] | null | undefined} | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parentPath = path.slice(0, depth - 1).map(String);
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (isNode(parent) && 'items' in parent && Array.isArray(parent.items)) {
      const name = path[depth - 1];
      for (const [index, item] of parent.items.entries()) {
        if (isPair(item) && isNode(item.key) && String((item.key as {value?: unknown}).value) === String(name)) {
          return depth === path.length && !key && isNode(item.value) ? item.value : item.key;
        }
        if (!isPair(item) && String(index) === String(name) && isNode(item)) return item;
      }
    }
  }
  return isNode(doc.contents) ? doc.contents : undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
