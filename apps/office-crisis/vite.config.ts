import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_crisis',
    base: '/modules/crisis/',
    exposes: { './App': './src/App.vue' },
  }),
);
