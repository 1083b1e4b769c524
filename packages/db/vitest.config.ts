import { defineConfig } from 'vitest/config';
import { databaseTestProjects } from '../../vitest.shared.ts';

export default defineConfig({
  test: { projects: databaseTestProjects(), testTimeout: 30_000, hookTimeout: 60_000 },
});
