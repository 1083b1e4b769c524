import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root (this file is apps/e2e/support/server.ts). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** How long the API may take to start: migrations, seeding four demo schools, building a missing frontend. */
export const API_START_TIMEOUT_MS = 300_000;

/**
 * The environment of an API started for browser tests or the web benchmark: its own port, a fresh PGlite data
 * directory in the system temp folder (so the demo schools are seeded anew), cookies allowed over plain http.
 *
 * @example
 * spawn('pnpm', ['--filter', '@xinqiao/api', 'start'], { env: { ...process.env, ...apiEnvironment(3471) } })
 */
export function apiEnvironment(port: number, dataDir = freshDataDir()): Record<string, string> {
  return { PORT: String(port), XINQIAO_DATA_DIR: dataDir, NODE_ENV: 'test' };
}

/** A new empty folder for one run's database. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'xinqiao-e2e-'));
}
