import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { databaseTestProjects } from '../../vitest.shared.ts';

// Every API test runs on PGlite, and again on the PostgreSQL server when XINQIAO_TEST_DATABASE_URL is set.
//
// isolate: false: a worker evaluates the app's modules once, not once per test file. Per file that evaluation took
// ~2 s (410 s of a CI run, a quarter of the suite). Each file still opens its own database; the modules keep no
// state of a test (their caches are WeakMaps keyed by a plugin, request or caller, job workers are stopped by the
// file that started them, and the two files that set an environment variable delete it afterwards).
// Two workers at least: many files wait on the PostgreSQL server, a child process or a lease, not on this CPU.
export default defineConfig({
  test: {
    projects: databaseTestProjects(),
    isolate: false,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
