import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {writeLines} from '../scripts/lib/report/write-lines.ts';

/** A stream that keeps each write. */
function recorder(): {stream: NodeJS.WritableStream; writes: string[]} {
  const writes: string[] = [];
  return {stream: {write: (chunk: string) => (writes.push(chunk), true)} as unknown as NodeJS.WritableStream, writes};
}

test('should write whole lines in writes a pipe takes at once, all of them in order', () => {
  const lines = Array.from({length: 2000}, (_, index) => `articles/story-${index}.txt:19:1: note: removed page chrome: "Rejoignez notre lettre — ${'é'.repeat(index % 40)}" (wire-chrome)`);
  const {stream, writes} = recorder();
  writeLines(stream, lines);
  assert.ok(writes.length > 1 && writes.length < lines.length / 10, `few writes (${writes.length})`);
  for (const chunk of writes) {
    assert.ok(Buffer.byteLength(chunk) <= 4096, 'no write is larger than PIPE_BUF');
    assert.ok(chunk.endsWith('\n'), 'no line is cut between writes');
  }
  assert.is(writes.join(''), `${lines.join('\n')}\n`);
});

test('should write a line longer than a pipe takes at once on its own, and nothing for no lines', () => {
  const {stream, writes} = recorder();
  writeLines(stream, ['short', 'ü'.repeat(3000), 'after']);
  assert.equal(writes, ['short\n', `${'ü'.repeat(3000)}\n`, 'after\n']);
  const none = recorder();
  writeLines(none.stream, []);
  assert.equal(none.writes, []);
});

test.run();
