import { federation } from '@module-federation/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** Where the API serves this plugin's screen (contract: /plugins/<id>/ui/); plugin.json points the shell here. */
export const SCREEN_BASE = '/plugins/nuc-shuozhou/ui/';

// Everything the shell shares is taken from the shell (`import: false`): the screen never ships its own Vue,
// Element Plus or i18n, so the shell's language switch and session reach it.
const fromShell = { singleton: true, import: false } as const;

export default defineConfig({
  base: SCREEN_BASE,
  plugins: [
    vue(),
    federation({
      name: 'xinqiao_plugin_nuc_shuozhou',
      filename: 'remoteEntry.js',
      manifest: true,
      dts: false,
      // The shell provides the Module Federation runtime (globalThis._FEDERATION_RUNTIME_CORE).
      experiments: { externalRuntime: true },
      exposes: { './Screen': './src/Screen.vue' },
      shared: {
        vue: { ...fromShell, requiredVersion: '^3.5.0' },
        pinia: { ...fromShell, requiredVersion: '^4.0.0' },
        'vue-router': { ...fromShell, requiredVersion: '^5.0.0' },
        'vue-i18n': { ...fromShell, requiredVersion: '^11.0.0' },
        '@xinqiao/web-kit': { ...fromShell, requiredVersion: '~0.1.0' },
        '@xinqiao/web-kit/elements': { ...fromShell, requiredVersion: '~0.1.0' },
      },
    }),
  ],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
