import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_peer_alliance',
    base: '/modules/peer-alliance/',
    exposes: { './App': './src/App.vue' },
    // Bundles its own federation runtime, as it always has: the one remote built without externalRuntime.
    externalRuntime: false,
  }),
);
