import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_college_station',
    base: '/modules/college-station/',
    exposes: { './App': './src/App.vue' },
  }),
);
