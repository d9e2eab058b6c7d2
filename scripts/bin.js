#!/usr/bin/env node
// The `dateline` command: load the CLI (bundled JavaScript, or the TypeScript sources), run it.
import {loadCli} from './load-cli.js';

const {cli} = await loadCli();
process.exitCode = await cli(process.argv.slice(2));
