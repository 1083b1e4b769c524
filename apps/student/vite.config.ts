import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_student',
    base: '/modules/student/',
    exposes: { './App': './src/App.vue' },
  }),
);
