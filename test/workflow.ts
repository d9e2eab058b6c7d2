/** The GitHub Pages workflow: valid YAML, the README's build command, the four Pages actions, the WebSub ping after the deploy. */
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {parse} from 'yaml';
import {root} from './helpers/config.ts';

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
}
interface Workflow {
  readonly on: {push: {branches: string[]}; schedule: {cron: string}[]};
  readonly permissions: Record<string, string>;
  readonly concurrency: {group: string};
  readonly jobs: Record<string, {steps: Step[]; needs?: string}>;
}

const text = fs.readFileSync(path.join(root, '.github/workflows/pages.yml'), 'utf8');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const workflow = parse(text, {strict: true, uniqueKeys: true}) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const action = (name: string): Step | undefined => steps.find((step) => step.uses?.startsWith(`${name}@`));

test('should run on pushes to main and on a schedule', () => {
  assert.equal(workflow.on.push.branches, ['main']);
  assert.ok(workflow.on.schedule.length > 0 && workflow.on.schedule.every((entry) => entry.cron.split(' ').length === 5));
});

test('should have the Pages permissions and one deployment at a time', () => {
  assert.is(workflow.permissions['pages'], 'write');
  assert.is(workflow.permissions['id-token'], 'write');
  assert.ok(workflow.concurrency.group);
});

test('should use the four Pages actions, in order, and cache the build cache folder', () => {
  for (const name of ['actions/configure-pages', 'actions/cache', 'actions/upload-pages-artifact', 'actions/deploy-pages']) assert.ok(action(name), `${name} is used`);
  assert.is(action('actions/cache')!.with!['path'], 'node_modules/.cache/dateline');
  assert.is(action('actions/upload-pages-artifact')!.with!['path'], 'dist');
  const order = ['npm ci', 'actions/cache', 'npm run build', 'actions/upload-pages-artifact'].map((what) => steps.findIndex((step) => (step.uses ?? step.run ?? '').startsWith(what)));
  assert.equal([...order].sort((a, b) => a - b), order, `steps in order: ${order.join(', ')}`);
});

test("should build with the configure-pages URL, using the README's build command", () => {
  const build = steps.find((step) => step.run?.startsWith('npm run build'));
  assert.ok(build);
  const pages = action('actions/configure-pages')!;
  assert.is(build.run, `npm run build -- --url "\${{ steps.${pages.id}.outputs.base_url }}"`);
  assert.ok(readme.includes('npm run build -- --url'), 'the README names the build command');
  assert.ok(readme.includes(build.run!), 'the README shows the exact build step');
});

test('should ping the WebSub hub after the deploy succeeded, with the record of the feeds the build changed', () => {
  const ping = workflow.jobs['ping'];
  assert.ok(ping, 'a ping job');
  assert.is(ping.needs, 'deploy', 'it runs only once the deploy succeeded');
  const deploy = Object.entries(workflow.jobs).find(([, job]) => job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')));
  assert.is(deploy?.[0], 'deploy', 'the job it needs is the one that deploys');
  const uses = (name: string) => (step: Step) => step.uses?.startsWith(`${name}@`) ?? false;
  const upload = workflow.jobs['build']!.steps.find(uses('actions/upload-artifact'));
  assert.ok(upload, 'the build job uploads the record');
  assert.is(upload.with!['path'], 'node_modules/.cache/dateline/changed-feeds.json');
  const download = ping.steps.find(uses('actions/download-artifact'));
  assert.ok(download, 'the ping job downloads it');
  assert.is(download.with!['name'], upload.with!['name'], 'the same artifact');
  assert.is(download.with!['path'], path.posix.dirname(upload.with!['path']!), 'into the folder it came from');
  const order = ['actions/checkout', 'actions/setup-node', 'npm ci', 'actions/download-artifact', 'npm run ping'].map((what) => ping.steps.findIndex((step) => (step.uses ?? step.run ?? '').startsWith(what)));
  assert.ok(order.every((index) => index >= 0), `every step is there: ${order.join(', ')}`);
  assert.equal([...order].sort((a, b) => a - b), order, `npm ci (which empties node_modules) before the download, the download before the ping: ${order.join(', ')}`);
  assert.is(ping.steps.at(-1)!.run, 'npm run ping');
  const node = ping.steps.find(uses('actions/setup-node'))!;
  assert.is(String(node.with!['node-version']), '20');
  assert.is(node.with!['cache'], 'npm');
});

test.run();
