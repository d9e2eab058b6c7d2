/**
 * The two libraries only wire copy needs, loaded when a build first has wire copy to parse:
 * `franc-min` (language detection) and `stopword` (function-word lists). Together they are
 * about a sixth of the command's code and a tenth of its start-up, which a site of Markdown
 * (or a warm build that parses none) should not pay.
 */
import type {franc as francFunction} from 'franc-min';

/** What wire parsing uses of the two libraries. */
export interface WireTools {
  readonly franc: typeof francFunction;
  /** Stopwords of the languages wire copy most often comes in, lower-cased. */
  readonly stopwords: ReadonlySet<string>;
}

let tools: WireTools | undefined;

/** Load the wire tools once; call before {@link wireTools} (the parse step does, when a source is `.txt`). */
export async function loadWireTools(): Promise<WireTools> {
  if (tools) return tools;
  const [{franc}, loaded] = await Promise.all([import('franc-min'), import('stopword')]);
  // `stopword` is CommonJS: bundled, its lists come as the default export's properties.
  const lists = loaded.eng ? loaded : (loaded as unknown as {default: typeof loaded}).default;
  const {ara, deu, eng, fra, ita, nld, por, rus, spa, tur} = lists;
  tools = {franc, stopwords: new Set([eng, fra, deu, spa, ita, por, nld, ara, rus, tur].flat().map((word) => word.toLowerCase()))};
  return tools;
}

/** The loaded wire tools; parsing wire copy before {@link loadWireTools} is a programming error. */
export function wireTools(): WireTools {
  if (!tools) throw new Error('wire copy parsed before its tools were loaded: await loadWireTools() first');
  return tools;
}
