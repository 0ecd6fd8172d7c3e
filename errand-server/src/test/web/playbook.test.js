// The run form's playbook part: how a render error becomes problems at their line:column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problems, offsetOf } from '../../main/web/app/assets/js/pages/run-playbook.js';

test('each line of a render error is one problem, with its place when it has one', () => {
  const list = problems('deploy.yaml:4:1: property \'comands\' is not defined\ndeploy.yaml:12:9: {{who}} is not a declared param\n');
  assert.deepEqual(list, [
    { where: 'deploy.yaml:4:1', line: 4, column: 1, text: 'property \'comands\' is not defined' },
    { where: 'deploy.yaml:12:9', line: 12, column: 9, text: '{{who}} is not a declared param' },
  ]);
});

test('a problem without a place keeps its text whole', () => {
  assert.deepEqual(problems('playbook greet needs who (whom to greet)'),
    [{ where: null, line: null, column: null, text: 'playbook greet needs who (whom to greet)' }]);
});

test('a file name may hold colons and digits', () => {
  assert.equal(problems('my:1:file.yaml:3:5: bad')[0].where, 'my:1:file.yaml:3:5');
});

test('line and column find their offset in the text, and stop at its end', () => {
  const text = 'a: 1\nbb: 2\nccc: 3';
  assert.equal(offsetOf(text, 1, 1), 0);
  assert.equal(offsetOf(text, 2, 4), 8);
  assert.equal(text[offsetOf(text, 3, 1)], 'c');
  assert.equal(offsetOf(text, 9, 1), text.length);
});
