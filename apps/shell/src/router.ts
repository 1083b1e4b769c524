import { useSessionStore } from '@xinqiao/web-kit';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import AppLayout from './components/AppLayout.vue';
import { pageChanging } from './page-ready.ts';
import { useFrontendsStore } from './stores/frontends.ts';
import HomeView from './views/HomeView.vue';
import LoginView from './views/LoginView.vue';
import ModuleView from './views/ModuleView.vue';

/**
 * The shell's routes: the login page, and behind it the layout with the home page and a catch-all that shows
 * whichever federated module owns the path (its routePath from /api/frontends).
 */
export function createShellRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: '', name: 'home', component: HomeView },
          { path: ':modulePath(.*)*', name: 'module', component: ModuleView },
        ],
      },
    ],
  });

  router.beforeEach(async (to) => {
    pageChanging();
    const session = useSessionStore();
    if (!session.checked) {
      if (!to.meta.public) useFrontendsStore().prefetch(to.path);
      await session.refresh().catch(() => null);
    }
    if (to.meta.public) return session.signedIn ? { name: 'home' } : true;
    // A student's home is the student side (学生端); they have no My work.
    if (to.name === 'home' && session.signedIn && session.can('student.self')) return { path: '/student' };
    if (!session.signedIn)
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    return true;
  });

  return router;
}
