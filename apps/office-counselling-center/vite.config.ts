import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Where the API serves this module (contract: /modules/<id>/); the shell finds it through mf-manifest.json. */
export const MODULE_BASE = '/modules/counselling-center/';

// Everything the shell shares is taken from the shell (`import: false`): the module never ships its own Vue,
// Element Plus or i18n, so there is one of each on the page and the module's own code stays small.
const fromShell = { singleton: true, import: false } as const;

export default defineConfig({
  base: MODULE_BASE,
  plugins: [
    vue(),
    federation({
      name: 'xinqiao_counselling_center',
      filename: 'remoteEntry.js',
      manifest: true,
      dts: false,
      // The shell provides the Module Federation runtime (globalThis._FEDERATION_RUNTIME_CORE): ~19 KB gzip less.
      experiments: { externalRuntime: true },
      exposes: { './App': './src/App.vue' },
      shared: {
        vue: { ...fromShell, requiredVersion: '^3.5.0' },
        pinia: { ...fromShell, requiredVersion: '^4.0.0' },
        'vue-router': { ...fromShell, requiredVersion: '^5.0.0' },
        'vue-i18n': { ...fromShell, requiredVersion: '^11.0.0' },
        '@xinqiao/web-kit': { ...fromShell, requiredVersion: '~0.1.0' },
        '@xinqiao/web-kit/elements': { ...fromShell, requiredVersion: '~0.1.0' },
        '@xinqiao/web-kit/charts': { ...fromShell, requiredVersion: '~0.1.0' },
      },
    }),
  ],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
