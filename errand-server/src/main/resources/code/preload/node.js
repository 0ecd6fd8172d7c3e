'use strict';
// Errand's Node.js launcher (see errand-stub.c, "preload"): started with `node -e` while the
// sandbox waits, so Node's start-up is off the request's path. Runs the request's main file as
// `node [OPTIONS] FILE ARGS...` would, through Node's own Module.runMain: process.argv,
// process.execArgv, require.main, the globals and exit codes match. Stack traces end in this
// launcher's frames (`[eval]`) where a cold start's end in node:internal/main/run_main_module.
{
  const fs = require('fs');
  const Module = require('module');
  const path = require('path');
  fs.closeSync(4); // ready: Node is up
  const data = fs.readFileSync(3);
  fs.closeSync(3);
  // the run's arguments after `node`; fds 0 to 2 are already its stdin, stdout and stderr files
  const argv = data.toString('utf8').split('\0').slice(0, -1);
  let main = 0;
  while (main < argv.length - 1 && argv[main].startsWith('-')) main++;
  process.argv = [process.argv[0], path.resolve(argv[main]), ...argv.slice(main + 1)];
  process.execArgv = argv.slice(0, main);
  // `node -e` puts these on globalThis; a main module does not see them there
  for (const name of ['require', 'module', 'exports', '__filename', '__dirname']) delete globalThis[name];
  Module.runMain();
}
