#!/usr/bin/env node
// The `dateline` command: load TypeScript through tsx, then run the CLI.
import {register} from 'tsx/esm/api';

register();
const {cli} = await import('./cli.ts');
process.exitCode = await cli(process.argv.slice(2));
