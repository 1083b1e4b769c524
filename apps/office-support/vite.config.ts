import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_support',
    base: '/modules/support/',
    exposes: { './App': './src/App.vue' },
  }),
);
