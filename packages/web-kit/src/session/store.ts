import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { type ApiClient, api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Me, Permission, Schemas } from '../contract.ts';

/** What the login form sends. */
export type LoginInput = Schemas['LoginRequest'];
/** What the login form sends for a student: school, student number (学号), password. */
export type StudentLoginInput = Schemas['StudentLoginRequest'];

/**
 * Builds the session store over an API client (the shared `api` in the browser, a test double in tests).
 * Keeps the signed-in user and hands the session's CSRF token to the client. What a screen offers comes from
 * `can(permission)`, never from role ids (the store does not list them, so a screen cannot copy a role check).
 */
export function defineSessionStore(client: ApiClient) {
  return defineStore('xinqiao-session', () => {
    const me = ref<Me | null>(null);
    /** False until the first `/api/auth/me` answer, so the router knows whether to wait. */
    const checked = ref(false);

    const signedIn = computed(() => me.value !== null);
    const permissions = computed(() => new Set<Permission>(me.value?.permissions ?? []));

    /**
     * Whether the signed-in person's roles allow `permission` (`GET /api/auth/me`'s `permissions`): screens offer
     * an action only then. The API checks every request again; this only decides what is shown.
     *
     * @example
     * ```ts
     * const session = useSessionStore();
     * const canEdit = computed(() => session.can('calendar.edit'));
     * ```
     */
    function can(permission: Permission): boolean {
      return permissions.value.has(permission);
    }

    function adopt(next: Me | null): void {
      me.value = next;
      client.csrfToken = next?.csrfToken ?? null;
      checked.value = true;
    }

    /** Asks the API who is signed in (null when nobody is). */
    async function refresh(): Promise<Me | null> {
      try {
        adopt(await client.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) adopt(null);
        else throw error;
      }
      return me.value;
    }

    /** Signs in; throws the API's problem (401 wrong password, 429 too many tries) for the form to show. */
    async function login(input: LoginInput): Promise<Me> {
      const next = await client.POST('/api/auth/login', { body: input });
      adopt(next);
      return next;
    }

    /** Signs a student in with their student number (学号); throws the API's problem like {@link login}. */
    async function studentLogin(input: StudentLoginInput): Promise<Me> {
      const next = await client.POST('/api/auth/student-login', { body: input });
      adopt(next);
      return next;
    }

    /** Signs out on the API and forgets the user here even if the API call fails. */
    async function logout(): Promise<void> {
      try {
        await client.POST('/api/auth/logout');
      } finally {
        adopt(null);
      }
    }

    /** Forgets the user after the API said the session is gone (401 on any call). */
    function expire(): void {
      adopt(null);
    }

    return { me, checked, signedIn, can, refresh, login, studentLogin, logout, expire };
  });
}

/** The session store of the page, shared by the shell and every module. */
export const useSessionStore = defineSessionStore(api);
