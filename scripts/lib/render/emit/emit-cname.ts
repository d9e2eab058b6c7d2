import type {OutputFile} from '../../types.ts';
import type {EmitContext} from './context.ts';

/** `CNAME` with the config's custom domain, which GitHub Pages reads; nothing when `cname` is unset. */
export function emitCname({config}: EmitContext): OutputFile[] {
  return config.cname ? [{path: 'CNAME', contents: `${config.cname}\n`}] : [];
}
