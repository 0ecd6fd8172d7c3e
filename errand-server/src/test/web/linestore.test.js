// Unit tests of the log viewer's line store, run by Node's built-in test runner (the Maven test
// phase runs `node --test src/test/web/`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineStore, searchPattern, stripAnsi } from '../../main/web/app/assets/js/log/linestore.js';

const line = (seq, text = 'line ' + seq, stream = 'STDOUT') => ({ seq, ts: '2026-11-22T02:26:24.335Z', stream, text });
const lines = (from, to, text) => Array.from({ length: to - from + 1 }, (_, i) => line(from + i, text && text(from + i)));

test('lines keep their text, time, stream and seq across sealed chunks', () => {
  const store = new LineStore(4);
  store.append(lines(1, 9));
  store.append([line(10, 'err', 'STDERR')]);
  assert.equal(store.length, 10);
  assert.equal(store.text(0), 'line 1');
  assert.equal(store.text(4), 'line 5');
  assert.equal(store.text(7), 'line 8');
  assert.equal(store.stream(9), 'STDERR');
  assert.equal(store.seq(9), 10);
  assert.equal(store.time(3), Date.parse('2026-11-22T02:26:24.335Z'));
  assert.equal(store.nextSeq, 11);
});

test('duplicates are skipped and a gap stops the append where it is', () => {
  const store = new LineStore(4);
  store.append(lines(1, 3));
  assert.deepEqual(store.append(lines(2, 5)), { added: 2, gapAt: null });
  assert.deepEqual(store.append([line(7), line(8)]), { added: 0, gapAt: 7 });
  assert.equal(store.nextSeq, 6);
  assert.equal(store.length, 5);
});

test('clear forgets the lines but the next seq goes on', () => {
  const store = new LineStore(4);
  store.append(lines(1, 6));
  store.clear();
  assert.equal(store.length, 0);
  assert.equal(store.firstSeq, 7);
  store.append(lines(5, 8));
  assert.equal(store.length, 2);
  assert.equal(store.seq(0), 7);
  assert.equal(store.text(1), 'line 8');
});

test('search finds matching lines in sealed and open chunks, case-insensitively, ignoring ANSI', () => {
  const store = new LineStore(4);
  store.append(lines(1, 10, (n) => (n % 3 === 0 ? 'an ERROR here ' + n : 'ok ' + n)));
  store.append([line(11, '\x1b[31mfatal error\x1b[0m'), line(12, '\x1b[1mm\x1b[0m')]);
  assert.deepEqual([...store.search(searchPattern('error'))], [2, 5, 8, 10]);
  assert.deepEqual([...store.search(searchPattern('ERROR', true))], [2, 5, 8]);
  assert.deepEqual([...store.search(searchPattern('error'), 3, 9)], [5, 8]);
  assert.deepEqual([...store.search(searchPattern('[31m'))], []);
  assert.deepEqual([...store.search(searchPattern('a.b'))], []);
});

test('one line matching many times counts once', () => {
  const store = new LineStore(2);
  store.append(lines(1, 5, () => 'x x x'));
  assert.equal(store.search(searchPattern('x')).length, 5);
});

test('text for download strips ANSI and can carry timestamps', () => {
  const store = new LineStore(2);
  store.append([line(1, '\x1b[32mgreen\x1b[0m'), line(2, 'plain')]);
  assert.deepEqual(store.toText(), ['green\n', 'plain\n']);
  assert.deepEqual(store.toText(1, 2, true), ['2026-11-22T02:26:24.335Z plain\n']);
});

test("text for download marks Errand's own notes once, as the CLI shows them", () => {
  const store = new LineStore(2);
  store.append([line(1, 'memory limit of 64 MiB exceeded', 'SYSTEM'), line(2, 'out'), line(3, 'err', 'STDERR')]);
  assert.deepEqual(store.toText(), ['[errand] memory limit of 64 MiB exceeded\n', 'out\n', 'err\n']);
});

test('stripAnsi removes colours, cursor moves and OSC 8 links but keeps the text', () => {
  assert.equal(stripAnsi('\x1b[1;31mred\x1b[0m \x1b[2Kx \x1b]8;;https://e.x\x07link\x1b]8;;\x07'), 'red x link');
});

test('a million lines are appended and searched quickly', () => {
  const store = new LineStore();
  const started = Date.now();
  for (let from = 1; from <= 1_000_000; from += 1000) store.append(lines(from, from + 999));
  assert.equal(store.length, 1_000_000);
  assert.equal(store.text(999_999), 'line 1000000');
  assert.equal(store.search(searchPattern('line 99999')).length, 11);
  assert.ok(Date.now() - started < 10_000, 'took ' + (Date.now() - started) + ' ms');
});
