/**
 * When the build hands work to worker threads: many jobs on a machine with more than two
 * cores, or whenever `DATELINE_WORKERS=always`; never with `DATELINE_WORKERS=never`.
 */
import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {useWorkers, workerThreads} from '../scripts/lib/workers/use-workers.ts';

function withSetting<T>(value: string | undefined, run: () => T): T {
  const saved = process.env['DATELINE_WORKERS'];
  if (value === undefined) delete process.env['DATELINE_WORKERS'];
  else process.env['DATELINE_WORKERS'] = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env['DATELINE_WORKERS'];
    else process.env['DATELINE_WORKERS'] = saved;
  }
}

test('should use workers for many jobs on more than two cores only', () => {
  withSetting(undefined, () => {
    assert.is(useWorkers(1000, 150, 4), true);
    assert.is(useWorkers(149, 150, 4), false);
    // Two cores: the main thread and two workers measured slower than one thread.
    assert.is(useWorkers(10_000, 150, 2), false);
    assert.is(useWorkers(10_000, 150, 1), false);
  });
});

test('should follow DATELINE_WORKERS whatever the cores', () => {
  withSetting('always', () => {
    assert.is(useWorkers(1, 150, 2), true);
    assert.is(useWorkers(0, 150, 8), false);
  });
  withSetting('never', () => assert.is(useWorkers(10_000, 150, 64), false));
});

test('should start one worker fewer than the cores beside a main thread that parses too', () => {
  withSetting(undefined, () => {
    assert.is(workerThreads(4000, 400, 2), 1);
    assert.is(workerThreads(4000, 400, 8), 7);
    assert.is(workerThreads(399, 400, 8), 0);
    assert.is(workerThreads(4000, 400, 1), 0);
  });
  withSetting('always', () => assert.is(workerThreads(3, 400, 1), 1));
  withSetting('never', () => assert.is(workerThreads(10_000, 400, 8), 0));
});

test.run();
