import type {Liquid} from 'liquidjs';
import type {SiteView} from '../render-pages.ts';
import type {Article, OutputFile, SiteConfig} from '../types.ts';

/** What every emitter receives: the published articles (newest first) and the shared tools. */
export interface EmitContext {
  readonly config: SiteConfig;
  /** Published articles, newest first (drafts and future-dated ones left out). */
  readonly articles: readonly Article[];
  readonly engine: Liquid;
  readonly site: SiteView;
  /**
   * A fingerprint of everything an output is made from (articles by content key, plus the
   * templates, the settings and the site data): give it to a lazy output as its `key`.
   */
  readonly fingerprint: (value: unknown) => string;
}

/** An emitter turns the site into some of its output files. Pure: it writes nothing itself. */
export type Emitter = (context: EmitContext) => OutputFile[];
