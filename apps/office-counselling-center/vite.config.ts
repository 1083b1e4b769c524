import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_counselling_center',
    base: '/modules/counselling-center/',
    exposes: { './App': './src/App.vue' },
  }),
);
