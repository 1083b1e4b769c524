import { defineConfig } from 'vitest/config';

// XLSX and the 50,000-row streaming test take seconds on a loaded two-core CI machine.
export default defineConfig({ test: { testTimeout: 60_000 } });
