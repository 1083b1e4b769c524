import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Tests run the module's code directly, without Module Federation (vite.config.ts builds the remote).
export default defineConfig({
  plugins: [vue()],
  test: { environment: 'happy-dom', testTimeout: 30_000, server: { deps: { inline: ['element-plus'] } } },
});
