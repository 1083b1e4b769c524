import { rmSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './support/chromium.ts';
import { API_START_TIMEOUT_MS, apiEnvironment, freshDataDir, REPO_ROOT } from './support/server.ts';

// The config is read by the runner and again by each worker: choose the port and create the data folder once, in
// the runner, and pass them down. The port varies per run so that two runs on one machine do not collide.
process.env.XINQIAO_E2E_PORT ??= String(20_000 + (process.pid % 20_000));
process.env.XINQIAO_E2E_DATA_DIR ??= freshDataDir();
const port = Number(process.env.XINQIAO_E2E_PORT);
const dataDir = process.env.XINQIAO_E2E_DATA_DIR;
// Only the runner removes it, after the API has stopped (a worker may be replaced while the API still runs).
if (!process.env.TEST_WORKER_INDEX)
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  testDir: './tests',
  // Per run, so two runs in one checkout do not delete each other's traces.
  outputDir: `test-results/port-${port}`,
  // One API, one database, two shared cores: the tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
  },
  webServer: {
    // The real API, serving the built shell and modules, on a fresh PGlite database of this run.
    command: 'pnpm --filter @xinqiao/api start',
    cwd: REPO_ROOT,
    env: apiEnvironment(port, dataDir),
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: API_START_TIMEOUT_MS,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
