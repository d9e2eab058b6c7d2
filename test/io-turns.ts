import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {ioTurns} from '../scripts/lib/workers/io-turns.ts';

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test('should let timers and I/O run between pieces of synchronous work, once per interval', async () => {
  const turn = ioTurns(5);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  let turns = 0;
  const start = performance.now();
  for (let piece = 0; piece < 40; piece++) {
    busy(1);
    const waiting = turn();
    if (waiting) {
      turns++;
      await waiting;
    }
  }
  clearInterval(timer);
  assert.ok(ticks > 0, 'the timer never ran: the loop never turned');
  // At least one per 5 ms of the 40 ms of work; at most one per 5 ms of the time it took (a loaded machine
  // stretches the work, and each stretch earns its turn), never one per piece.
  const elapsed = performance.now() - start;
  assert.ok(turns >= 4 && turns <= Math.floor(elapsed / 5) + 1 && turns < 40, `${turns} turns in ${elapsed.toFixed(0)} ms for 40 ms of work, at one per 5 ms`);
});

test('should not turn before the interval has passed', () => {
  const turn = ioTurns(1000);
  assert.is(turn(), undefined);
});

test.run();
