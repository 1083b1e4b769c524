import { api, i18n, syncDocumentLanguage, useSessionStore } from '@xinqiao/web-kit';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createShellRouter } from './router.ts';
import { useFrontendsStore } from './stores/frontends.ts';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
const router = createShellRouter();
app.use(pinia).use(router).use(i18n);
syncDocumentLanguage();

// A 401 on any call means the session ended (expired, signed out elsewhere): back to the login page.
api.onUnauthorized = () => {
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  useSessionStore(pinia).expire();
  useFrontendsStore(pinia).reset();
  void router.push({ name: 'login', query: { redirect: current.fullPath } });
};

app.mount('#app');
