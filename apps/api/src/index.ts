/**
 * @xinqiao/api: the Hono API of the platform. `createApp` builds it from an open database and the loaded policy
 * plugins; `src/main.ts` is the server (`pnpm start`); `src/testing` has the helpers route tests use.
 */
export { type CreateAppOptions, createApp, PUBLIC_API_PATHS } from './app.ts';
export { hashPassword, verifyPassword } from './auth/password.ts';
export type { Me, SessionInfo } from './auth/session-types.ts';
export { endSessionsOf } from './auth/sessions.ts';
export {
  type AppConfig,
  type AppDeps,
  type AppEnv,
  type AuthedEnv,
  type Clock,
  configFromEnv,
  defaultConfig,
} from './context.ts';
export { discoverFrontends, type FrontendPackage } from './http/frontend-dist.ts';
export { type ProblemBody, ProblemError, problem } from './http/problem.ts';
export { createPublicRouter, createRouter } from './http/router.ts';
export {
  type ActivePlugin,
  fixedCatalog,
  type PluginCatalog,
  type ReloadableCatalog,
  registryCatalog,
} from './modules/plugins/catalog.ts';
