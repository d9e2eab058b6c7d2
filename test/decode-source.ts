import {test} from 'uvu';
import * as assert from 'uvu/assert';
import {VFile} from 'vfile';
import {decodeSource} from '../scripts/lib/source/decode-source.ts';

function decode(bytes: Uint8Array | string) {
  const file = new VFile({path: 'a.md'});
  const text = decodeSource(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes, file);
  return {text, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)};
}

test('should drop a byte-order mark and turn CRLF and lone CR into LF', () => {
  assert.equal(decode('\uFEFFa\r\nb\rc\n\r\nd'), {text: 'a\nb\nc\n\nd', messages: []});
});

test('should keep a U+FFFD written in the file', () => {
  assert.equal(decode('a \uFFFD b'), {text: 'a \uFFFD b', messages: []});
});

test('should place the first invalid byte, counting CRLF and CR as line breaks', () => {
  const bytes = Uint8Array.from([...new TextEncoder().encode('one\r\ntwo\rthré'), 0xe9, 0x20, 0xff]);
  assert.equal(decode(bytes), {text: undefined, messages: ['3:5 encoding']});
  assert.equal(decode(Uint8Array.from([0xc3])), {text: undefined, messages: ['1:1 encoding']});
});

test('should refuse NUL bytes with their place, and empty or blank files', () => {
  assert.equal(decode('ok\n\u00e9\u0000'), {text: undefined, messages: ['2:2 encoding']});
  assert.equal(decode(''), {text: undefined, messages: ['1:1 empty']});
  assert.equal(decode(' \r\n\t\n'), {text: undefined, messages: ['1:1 empty']});
});

test('should decode a 1 MB line', () => {
  const line = 'x'.repeat(1_000_000);
  assert.is(decode(line).text, line);
});

test.run();
