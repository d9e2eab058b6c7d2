#!/usr/bin/env node
// The `dateline` command: load the CLI (bundled JavaScript, or the TypeScript sources), run it.
import v8 from 'node:v8';
import {loadCli} from './load-cli.js';

// Let the heap grow to twice what a full collection leaves live (Go's default, GOGC=100), not
// the up to four times V8 allows: a build makes much short-lived garbage (syntax trees, page
// strings), and at 10,000 articles V8's default peaked at 870 MiB of which 190 were live; at
// twice, 630 MiB in the same time. No hard limit, so a larger site still gets what it needs.
// A `--heap-growing-percent` given to node itself wins.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) v8.setFlagsFromString('--heap-growing-percent=100');

const {cli} = await loadCli(process.argv[2]);
process.exitCode = await cli(process.argv.slice(2));
