import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import packageJson from '../package.json' with { type: 'json' };
import { isIntegrationPath } from './auth/integration-token.ts';
import { type BeforeTransaction, sessionMiddleware } from './auth/middleware.ts';
import { authRoutes } from './auth/routes.ts';
import { studentLoginRoutes } from './auth/student-login.ts';
import { type AppConfig, type AppDeps, type AppEnv, defaultConfig } from './context.ts';
import { limitBodySize } from './http/body-limit.ts';
import { compressResponses } from './http/compression.ts';
import { originCheck } from './http/csrf.ts';
import { problemErrorHandler, problemNotFound } from './http/errors.ts';
import type { FrontendPackage } from './http/frontend-dist.ts';
import { refuseUnstorableText } from './http/input-text.ts';
import { noStore } from './http/no-store.ts';
import { mountApiDocs, OPENAPI_PATH } from './http/openapi.ts';
import { publicRoutes } from './http/public-routes.ts';
import { queueTicket } from './http/queued-database.ts';
import { receiveBodyFirst } from './http/receive-body.ts';
import { DOCS_PATH, DOCS_SCRIPT_PATH, securityHeaders } from './http/security-headers.ts';
import { mountFrontends } from './http/static.ts';
import { allianceRoutes } from './modules/alliance/routes.ts';
import { appointmentsRoutes } from './modules/appointments/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { caseWorkRoutes } from './modules/case-work/routes.ts';
import { casesRoutes } from './modules/cases/routes.ts';
import { concernsRoutes } from './modules/concerns/routes.ts';
import { crisesRoutes } from './modules/crises/routes.ts';
import { frontendsRoutes } from './modules/frontends/routes.ts';
import { keyStudentsRoutes } from './modules/key-students/routes.ts';
import { meRoutes } from './modules/me/routes.ts';
import { sendTestBeforeTransaction } from './modules/notifications/channels/test-send.ts';
import { notificationsRoutes } from './modules/notifications/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { pluginsRoutes } from './modules/plugins/routes.ts';
import { screeningRoutes } from './modules/screening/routes.ts';
import { studentAccountsRoutes } from './modules/student-accounts/routes.ts';
import { studentAffairsRoutes } from './modules/student-affairs/routes.ts';
import { MAX_IMPORT_BYTES } from './modules/students/import/routes.ts';
import { readStudentUpload } from './modules/students/import/upload.ts';
import { studentsRoutes } from './modules/students/routes.ts';
import { supportRoutes } from './modules/support/routes.ts';
import { treeHoleRoutes } from './modules/tree-hole/routes.ts';
import { unitsRoutes } from './modules/units/routes.ts';
import { feedUploadSteps } from './modules/warnings/feeds/upload.ts';
import { integrationFeedRoutes, integrationTokenRoutes } from './modules/warnings/integration/routes.ts';
import { warningsRoutes } from './modules/warnings/routes.ts';
import { workRoutes } from './modules/work/routes.ts';

/** The /api paths that answer without a session; every other /api path runs behind the session middleware. */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/schools',
  '/api/auth/login',
  '/api/auth/student-login',
  OPENAPI_PATH,
  DOCS_PATH,
  DOCS_SCRIPT_PATH,
]);

/**
 * Routes that read and parse an upload, or wait on another server, once the session is known and before their
 * transaction opens.
 */
const BEFORE_TRANSACTION: ReadonlyMap<string, BeforeTransaction> = new Map([
  ['POST /api/students/import', readStudentUpload],
  ['POST /api/notifications/channels/test', sendTestBeforeTransaction],
  ...feedUploadSteps,
]);

/** The domain modules, each an OpenAPIHono router mounted under /api behind the session middleware. */
const moduleRoutes = [
  pluginsRoutes,
  unitsRoutes,
  studentsRoutes,
  casesRoutes,
  concernsRoutes,
  crisesRoutes,
  supportRoutes,
  keyStudentsRoutes,
  caseWorkRoutes,
  peopleRoutes,
  auditRoutes,
  frontendsRoutes,
  studentAffairsRoutes,
  screeningRoutes,
  allianceRoutes,
  notificationsRoutes,
  workRoutes,
  meRoutes,
  appointmentsRoutes,
  treeHoleRoutes,
  studentAccountsRoutes,
  warningsRoutes,
  integrationTokenRoutes,
];

/** What {@link createApp} needs besides the database and plugins: built frontends to serve, if any. */
export interface CreateAppOptions extends AppDeps {
  frontends?: readonly FrontendPackage[];
  /** More routers to mount under /api behind the session middleware (tests mount probes this way). */
  // biome-ignore lint/suspicious/noExplicitAny: routers of any env can be mounted
  extraRoutes?: readonly OpenAPIHono<any>[];
}

/**
 * Build the whole HTTP app: compression and security headers on everything; under /api no-store, CSRF checks,
 * the session middleware (one tenant transaction per request), the OpenAPI document and reference, the public
 * routes and every domain module; then the built frontends. Errors anywhere answer RFC 9457 problem+json.
 *
 * @example
 * ```ts
 * const app = createApp({ db, plugins, config: configFromEnv(process.env) });
 * const res = await app.request('/api/health');
 * ```
 */
export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const config: AppConfig = { ...defaultConfig, ...options.config };
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const app = new OpenAPIHono<AppEnv>();
  app.onError(problemErrorHandler(log));
  app.notFound(problemNotFound);

  app.use('*', compressResponses());
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('db', options.db);
    c.set('plugins', options.plugins);
    c.set('config', config);
    c.set('clock', clock);
    await next();
  });
  app.use('/api/*', noStore());
  app.use('/api/*', limitBodySize(config.maxBodyBytes));
  // The student import states its own cap, so it stays if the app's grows; before the session middleware, which
  // reads the upload before the request's transaction opens.
  app.use('/api/students/import', limitBodySize(MAX_IMPORT_BYTES));
  // Each request's place in the database's fair queue (http/queued-database.ts), then its whole body, received
  // within a deadline before any transaction opens: a slow upload holds a socket, never the connection.
  app.use('/api/*', queueTicket(config.trustProxy));
  app.use('/api/*', receiveBodyFirst(config.bodyDeadlineMs));
  app.use('/api/*', refuseUnstorableText());
  app.use('/api/*', originCheck(config));
  app.use(
    '/api/*',
    sessionMiddleware(
      // The integration API authenticates by service token (auth/integration-token.ts), not by session.
      (c: Context<AppEnv>) => PUBLIC_API_PATHS.has(c.req.path) || isIntegrationPath(c.req.path),
      (c: Context<AppEnv>) => BEFORE_TRANSACTION.get(`${c.req.method} ${c.req.path}`),
    ),
  );

  mountApiDocs(app, packageJson.version);
  app.route('/api', publicRoutes);
  app.route('/api', authRoutes);
  app.route('/api', studentLoginRoutes);
  app.route('/api', integrationFeedRoutes);
  for (const routes of [...moduleRoutes, ...(options.extraRoutes ?? [])]) app.route('/api', routes);
  app.all('/api/*', problemNotFound);

  if (options.frontends) mountFrontends(app, options.frontends);
  return app;
}
