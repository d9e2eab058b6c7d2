import {IncludeTag, type Context, type Emitter, type Liquid, type Template} from 'liquidjs';

/** Whether each partial reads nothing but `site`, by engine (its templates do not change within a build). */
const siteOnly = new WeakMap<Liquid, Map<string, boolean>>();
/** Each site-wide partial rendered once, by the `site` object it was rendered with. */
const rendered = new WeakMap<object, Map<string, string>>();

/**
 * LiquidJS's `{% include %}`, except that a partial which reads nothing but `site` (the theme's
 * header and footer), included by its quoted name with no arguments, is rendered once per
 * build and the same HTML is written on every page: rendering the two on each page was about
 * a tenth of a page's cost. Whether a partial reads only `site` is LiquidJS's own static
 * analysis of it and the partials it includes; any other include renders as LiquidJS does.
 */
export class SiteWideInclude extends IncludeTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = this.staticName();
    const site = ctx.getSync(['site']);
    if (name === undefined || typeof site !== 'object' || site === null || !this.readsOnlySite(name)) {
      yield* super.render(ctx, emitter);
      return;
    }
    let bySite = rendered.get(site);
    if (!bySite) rendered.set(site, (bySite = new Map()));
    let html = bySite.get(name);
    if (html === undefined) {
      const templates = (yield this.liquid._parsePartialFile(name, ctx.sync, (this as unknown as {currentFile?: string}).currentFile)) as Template[];
      html = this.liquid.renderSync(templates, {site}) as string;
      bySite.set(name, html);
    }
    emitter.write(html);
  }

  /** The partial's name when it is a quoted literal included without `with`, `for` or arguments. */
  private staticName(): string | undefined {
    const {file, withVar, hash} = this as unknown as {file: unknown; withVar?: unknown; hash: {hash: Record<string, unknown>}};
    return typeof file === 'string' && withVar === undefined && Object.keys(hash.hash).length === 0 ? file : undefined;
  }

  private readsOnlySite(name: string): boolean {
    let known = siteOnly.get(this.liquid);
    if (!known) siteOnly.set(this.liquid, (known = new Map()));
    let only = known.get(name);
    if (only === undefined) {
      const globals = this.liquid.globalVariablesSync(this.liquid.parse(`{% include ${JSON.stringify(name)} %}`), {partials: true});
      known.set(name, (only = globals.every((variable) => variable === 'site')));
    }
    return only;
  }
}
