import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_school_admin',
    base: '/modules/school-admin/',
    exposes: { './App': './src/App.vue' },
  }),
);
