import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    testTimeout: 30_000,
    // Element Plus's per-component style imports are CSS files: let Vite transform them instead of Node.
    server: { deps: { inline: ['element-plus'] } },
  },
});
