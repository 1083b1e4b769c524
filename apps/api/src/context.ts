import type { Database, TenantScope, TenantTx } from '@xinqiao/db';
import type { SecureHeadersVariables } from 'hono/secure-headers';
import type { Me, SessionInfo } from './auth/session-types.ts';
import type { ErrorLogger } from './http/errors.ts';
import type { PluginCatalog } from './modules/plugins/catalog.ts';

/** The current time; tests pass a clock they can move to check session expiry. */
export type Clock = () => Date;

/** Settings of one API process, read from the environment by {@link configFromEnv}. */
export interface AppConfig {
  /** A session unused this long ends (default 30 minutes). */
  sessionIdleMs: number;
  /** A session ends this long after login, used or not (default 12 hours). */
  sessionAbsoluteMs: number;
  /** Mark the session cookie Secure (off only for development and tests over plain http). */
  secureCookies: boolean;
  /** Failed logins counted within this window (default 15 minutes). */
  loginWindowMs: number;
  /** Failed logins per school+username within the window before each further attempt waits 1 s, 2 s, 4 s… (default 5). */
  maxFailuresPerAccount: number;
  /** Failed logins per client address within the window before the waits begin (default 50: a campus NAT shares one). */
  maxFailuresPerAddress: number;
  /**
   * The key of the known-device cookie's MAC (XINQIAO_DEVICE_COOKIE_KEY; every API process needs the same one);
   * unset: a random key per process (auth/device.ts).
   */
  deviceCookieKey?: string;
  /** Read the client address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Origins besides the API's own that may post to it (a frontend served from elsewhere in development). */
  allowedOrigins: string[];
  /** Largest request body accepted under /api (default 20 MiB, room for a student import file). */
  maxBodyBytes: number;
  /**
   * A request's body must arrive in full within this long of the app starting to read it, before any database
   * work (default 60 s, XINQIAO_BODY_DEADLINE_SECONDS); slower answers 408 (http/receive-body.ts).
   */
  bodyDeadlineMs: number;
}

/** Defaults that match the security requirements of issue 2. */
export const defaultConfig: AppConfig = {
  sessionIdleMs: 30 * 60_000,
  sessionAbsoluteMs: 12 * 3_600_000,
  secureCookies: true,
  loginWindowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
  trustProxy: false,
  allowedOrigins: [],
  maxBodyBytes: 20 * 1024 * 1024,
  bodyDeadlineMs: 60_000,
};

function seconds(value: string | undefined, fallbackMs: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n * 1000 : fallbackMs;
}

function minutes(value: string | undefined, fallbackMs: number): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? n * 60_000 : fallbackMs;
}

/**
 * The config of this process from its environment: XINQIAO_SESSION_IDLE_MINUTES, XINQIAO_SESSION_ABSOLUTE_MINUTES,
 * XINQIAO_TRUST_PROXY=1, XINQIAO_ALLOWED_ORIGINS (comma-separated); cookies are Secure unless NODE_ENV is
 * development or test, or XINQIAO_SECURE_COOKIES=0 (plain http on an intranet address: browsers keep Secure
 * cookies only over https and on localhost).
 *
 * @example
 * ```ts
 * const app = createApp({ db, plugins, config: configFromEnv(process.env) });
 * ```
 */
export function configFromEnv(env: NodeJS.ProcessEnv): AppConfig {
  return {
    ...defaultConfig,
    sessionIdleMs: minutes(env.XINQIAO_SESSION_IDLE_MINUTES, defaultConfig.sessionIdleMs),
    sessionAbsoluteMs: minutes(env.XINQIAO_SESSION_ABSOLUTE_MINUTES, defaultConfig.sessionAbsoluteMs),
    secureCookies: env.XINQIAO_SECURE_COOKIES
      ? env.XINQIAO_SECURE_COOKIES !== '0'
      : !['development', 'test'].includes(env.NODE_ENV ?? ''),
    ...(env.XINQIAO_DEVICE_COOKIE_KEY ? { deviceCookieKey: env.XINQIAO_DEVICE_COOKIE_KEY } : {}),
    bodyDeadlineMs: seconds(env.XINQIAO_BODY_DEADLINE_SECONDS, defaultConfig.bodyDeadlineMs),
    trustProxy: env.XINQIAO_TRUST_PROXY === '1' || env.XINQIAO_TRUST_PROXY === 'true',
    allowedOrigins: (env.XINQIAO_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}

/** What the app is built from: the open database, the loaded plugins, and optionally config, clock and logger. */
export interface AppDeps {
  db: Database;
  plugins: PluginCatalog;
  config?: Partial<AppConfig>;
  clock?: Clock;
  log?: ErrorLogger;
}

/** Request variables every route can read. */
export interface AppVariables extends SecureHeadersVariables {
  /**
   * The database itself, for work that outlives the request (a background import). Never await a transaction
   * of your own on it inside an authenticated handler: use `c.var.tx`. On PGlite there is one connection, so a
   * second transaction waits for the request's own and the request never ends.
   */
  db: Database;
  plugins: PluginCatalog;
  config: AppConfig;
  clock: Clock;
  session?: SessionInfo;
  me?: Me;
  scope?: TenantScope;
  tx?: TenantTx;
}

/** The env of the app and of public routes. */
export interface AppEnv {
  Variables: AppVariables;
}

/**
 * The env of every route behind the session middleware (all of /api except the few public paths): the session,
 * the signed-in person and the tenant transaction are always there.
 */
export interface AuthedEnv {
  Variables: AppVariables & { session: SessionInfo; me: Me; scope: TenantScope; tx: TenantTx };
}
