import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root (this file is apps/e2e/support/server.ts). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** How long the API may take to start: migrations, seeding four demo schools, building a missing frontend. */
export const API_START_TIMEOUT_MS = 300_000;

/**
 * The environment of an API started for browser tests or the web benchmark: its own port, a fresh PGlite data
 * directory in the system temp folder (so the demo schools are seeded anew), cookies allowed over plain http, and a
 * clock a spec may move ahead ({@link testClockFile}).
 *
 * @example
 * spawn('pnpm', ['--filter', '@xinqiao/api', 'start'], { env: { ...process.env, ...apiEnvironment(3471) } })
 */
export function apiEnvironment(port: number, dataDir = freshDataDir()): Record<string, string> {
  return {
    PORT: String(port),
    XINQIAO_DATA_DIR: dataDir,
    NODE_ENV: 'test',
    XINQIAO_TEST_CLOCK_FILE: testClockFile(dataDir),
  };
}

/**
 * The file whose milliseconds the test server's clock runs ahead by (apps/api/src/clock.ts): a spec that needs a
 * day to pass writes it, and empties it when done.
 */
export function testClockFile(dataDir: string): string {
  return join(dataDir, 'clock-offset-ms');
}

/** A new empty folder for one run's database. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'xinqiao-e2e-'));
}
