import { officeRemote } from '@xinqiao/vite-config';
import { defineConfig } from 'vite';

export default defineConfig(
  officeRemote({
    name: 'xinqiao_student_affairs',
    base: '/modules/student-affairs/',
    exposes: { './App': './src/App.vue' },
    charts: true,
  }),
);
