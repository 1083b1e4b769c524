import { defineConfig } from 'vitest/config';

// CI runs every package's suites at once on two cores: allow for a slow machine rather than fail on timing.
export default defineConfig({ test: { testTimeout: 120_000 } });
