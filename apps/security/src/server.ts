import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const apiRoot = fileURLToPath(new URL('../../api', import.meta.url));

/** Settings of the API process the suite starts: small batches, short lease and body deadline. */
export const SUITE_SERVER_ENV = {
  XINQIAO_DEMO_STUDENTS: '1500',
  XINQIAO_IMPORT_BATCH_SIZE: '50',
  XINQIAO_JOB_LEASE_MS: '2000',
  XINQIAO_BODY_DEADLINE_SECONDS: '3',
  XINQIAO_SKIP_FRONTEND_BUILD: '1',
  XINQIAO_SECURE_COOKIES: '0',
} as const;

/** One API process: `node bin/start.mjs`, as `pnpm start` runs it, on its own port and data folder. */
export interface ApiServer {
  readonly base: string;
  readonly child: ChildProcess;
  /** Peak resident memory of the process so far (MiB, /proc VmHWM). */
  peakRssMiB(): number;
  output(): string;
}

/** Every API process this suite started; killed when the suite exits, however it exits. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts the API on `port` with its PGlite in `dataDir` and resolves once `/api/health` answers (the first start
 * migrates and seeds the four demo schools).
 */
export async function startApi(port: number, dataDir: string, timeoutMs = 180_000): Promise<ApiServer> {
  // One process (node itself, not pnpm, which runs node in a child that SIGKILL would not reach).
  const child = spawn(process.execPath, ['bin/start.mjs'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      ...SUITE_SERVER_ENV,
      DATABASE_URL: '',
      PORT: String(port),
      XINQIAO_DATA_DIR: dataDir,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr!.on('data', (chunk) => {
    output += String(chunk);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited while starting (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    const up = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((res) => res.ok)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    base,
    child,
    output: () => output,
    peakRssMiB: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        return Math.round(kb / 1024);
      } catch {
        return 0;
      }
    },
  };
}

/** Stops the API: SIGTERM (it puts running jobs back and closes the database) or SIGKILL (a crash). */
export async function stopApi(server: ApiServer, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
