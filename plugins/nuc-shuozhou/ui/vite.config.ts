import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_plugin_nuc_shuozhou',
    base: '/plugins/nuc-shuozhou/ui/',
    exposes: { './Screen': './src/Screen.vue' },
  }),
);
