import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { FrontendPackage } from './frontend-dist.ts';

/** Run a command (arguments as an array: no shell), echoing its output line by line behind `prefix`. */
function run(
  command: string,
  args: string[],
  cwd: string,
  prefix: string,
  log: (line: string) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const echo = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) if (line.trim()) log(`${prefix}${line}`);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('error', (error) => {
      log(`${prefix}${error.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

/**
 * Build every frontend whose `dist/` is missing, one after another (`pnpm --filter <package> build`), showing
 * progress and the build's own output. A failed build is reported and skipped: the API still starts, without
 * that frontend. Returns the frontends that are still missing their build.
 *
 * @example
 * ```ts
 * await buildMissingFrontends(discoverFrontends(repoRoot), repoRoot, console.log);
 * ```
 */
export async function buildMissingFrontends(
  frontends: readonly FrontendPackage[],
  repoRoot: string,
  log: (line: string) => void,
): Promise<FrontendPackage[]> {
  const missing = frontends.filter((f) => f.packageName && !existsSync(f.distDir));
  for (const [index, frontend] of missing.entries()) {
    const name = frontend.packageName!;
    log(`[${index + 1}/${missing.length}] 构建前端 ${name} / building ${name} (first start only)…`);
    const started = Date.now();
    const ok = await run('pnpm', ['--filter', name, 'build'], repoRoot, `    ${frontend.id} │ `, log);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (ok && existsSync(frontend.distDir)) log(`    ✓ ${name} (${seconds}s)`);
    else
      log(
        `    ✗ ${name}: 构建失败，${frontend.urlPrefix} 暂不可用 / build failed; ${frontend.urlPrefix} is not served`,
      );
  }
  return frontends.filter((f) => !existsSync(f.distDir));
}
