// Every ES module of the web app parses (the browser would otherwise show nothing at all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../main/web/app/assets/js/', import.meta.url));

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : name.endsWith('.js') ? [path] : [];
  });
}

test('every module of the web app parses', () => {
  const files = modules(root);
  assert.ok(files.length > 10);
  for (const file of files) {
    // src/main/web/package.json says "type": "module", so --check parses each file as a module.
    execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
  }
});
