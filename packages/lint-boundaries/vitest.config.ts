import { defineConfig } from 'vitest/config';

// The fixtures hold planted *.test.ts files for the linter to read; they are not tests to run.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
