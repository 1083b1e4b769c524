#!/usr/bin/env node
// `vite build` with one retry for a known race of @module-federation/vite under Rolldown: now and then, on a loaded
// machine, a build fails with MISSING_EXPORT on one of the plugin's generated `__loadShare__` modules (the export
// list of a shared package came out short) and passes when run again unchanged. Only that failure is retried; any
// other failure, or the same one twice, fails the build as before.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const viteBin = join(
  createRequire(join(process.cwd(), 'package.json')).resolve('vite/package.json'),
  '..',
  'bin',
  'vite.js',
);

/** Runs `vite build`, echoing its output, and says whether it failed with the plugin's race. */
function viteBuild() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [viteBin, 'build', ...process.argv.slice(2)], {
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    let output = '';
    const echo = (/** @type {NodeJS.WriteStream} */ stream) => (/** @type {Buffer} */ chunk) => {
      stream.write(chunk);
      output += chunk.toString();
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) =>
      resolve({ code: code ?? 1, race: /MISSING_EXPORT[^\n]*__loadShare__/.test(output) }),
    );
  });
}

let result = /** @type {{ code: number, race: boolean }} */ (await viteBuild());
if (result.code !== 0 && result.race) {
  console.warn(
    "[xinqiao] the build hit the federation plugin's MISSING_EXPORT race on a __loadShare__ module; building once more",
  );
  result = /** @type {{ code: number, race: boolean }} */ (await viteBuild());
}
process.exitCode = result.code;
