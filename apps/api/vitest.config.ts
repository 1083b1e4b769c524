import { defineConfig } from 'vitest/config';
import { databaseTestProjects } from '../../vitest.shared.ts';

// Every API test runs on PGlite, and again on the PostgreSQL server when XINQIAO_TEST_DATABASE_URL is set.
export default defineConfig({
  test: { projects: databaseTestProjects(), testTimeout: 30_000, hookTimeout: 60_000 },
});
