/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { precompress } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';
import { installedVersions } from './shared-versions.ts';

const apiOrigin = process.env.XINQIAO_API_ORIGIN ?? 'http://127.0.0.1:3000';

// The shell is a plain Vite app: it loads modules with the Module Federation runtime (src/federation), not with a
// build-time remote list, because the list comes from GET /api/frontends for the signed-in user. The build also
// writes .br/.gz copies of its text files, which the API serves by Accept-Encoding.
export default defineConfig({
  base: '/',
  plugins: [vue(), precompress()],
  define: { __XQ_SHARED_VERSIONS__: JSON.stringify(installedVersions(import.meta.dirname)) },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': apiOrigin, '/modules': apiOrigin, '/plugins': apiOrigin } },
  test: { environment: 'happy-dom', server: { deps: { inline: ['element-plus'] } } },
});
