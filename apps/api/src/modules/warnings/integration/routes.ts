import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { callerOf } from '../../../auth/caller.ts';
import { type IntegrationEnv, integrationTokenMiddleware } from '../../../auth/integration-token.ts';
import { problem, problemResponses } from '../../../http/problem.ts';
import { createRouter } from '../../../http/router.ts';
import { validationHook } from '../../../http/validation.ts';
import { parseFeedRows, storeFeedBatch } from '../feeds/service.ts';
import {
  CreatedTokenSchema,
  FeedBatchBody,
  FeedOutcomeSchema,
  FeedParams,
  NewTokenBody,
  TokenListSchema,
  TokenParams,
  TokenSchema,
} from '../schemas.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

const tags = ['integration'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const PURPOSE = '接口令牌管理 / integration tokens';

const listRoute = createRoute({
  method: 'get',
  path: '/integration/tokens',
  tags,
  summary: "The school's service tokens for its academic-affairs (教务) and campus-card (一卡通) systems",
  responses: {
    200: { description: 'The tokens', content: json(TokenListSchema) },
    ...problemResponses(401, 403),
  },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/integration/tokens',
  tags,
  summary: 'Create a service token for some feeds (school admin); the token is shown this once',
  request: { body: { required: true, content: json(NewTokenBody) } },
  responses: {
    201: { description: 'Created, with the token', content: json(CreatedTokenSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/integration/tokens/{id}/revoke',
  tags,
  summary: 'Revoke a service token: its next request is refused',
  request: { params: TokenParams },
  responses: {
    200: { description: 'Revoked', content: json(TokenSchema) },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** `/api/integration/tokens…`: managing service tokens (behind the session, `integration.manage`). */
export const integrationTokenRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listTokens(callerOf(c, PURPOSE)), 200))
  .openapi(createTokenRoute, async (c) =>
    c.json(await createToken(callerOf(c, PURPOSE), c.req.valid('json')), 201),
  )
  .openapi(revokeRoute, async (c) =>
    c.json(await revokeToken(callerOf(c, PURPOSE), c.req.valid('param').id, c.var.clock()), 200),
  );

const feedRoute = createRoute({
  method: 'post',
  path: '/integration/feeds/{feed}',
  tags,
  summary: 'Post a batch of a feed with a service token (Authorization: Bearer …)',
  description:
    "For the school's academic-affairs and campus-card systems. All or nothing: a batch with any bad row (unknown " +
    "student, a grade off the school's scale, a time in the future, a repeated row) is refused with 400 naming " +
    'each row (1 = the first) and field, and nothing is stored. Rows already stored are left alone (sending a batch ' +
    'again writes nothing). A missing, unknown or revoked token is 401, a feed the token may not write 403, more ' +
    'than 60 requests a minute 429 with Retry-After. Every batch is audited and queues the evaluation of warnings.',
  security: [{ bearer: [] }],
  request: { params: FeedParams, body: { required: true, content: json(FeedBatchBody) } },
  responses: {
    200: { description: 'Stored', content: json(FeedOutcomeSchema) },
    ...problemResponses(400, 401, 403, 409, 429),
  },
});

/** `/api/integration/feeds/{feed}`: the integration API, authenticated by a service token instead of a session. */
export const integrationFeedRoutes = new OpenAPIHono<IntegrationEnv>({
  defaultHook: validationHook as never,
});
integrationFeedRoutes.use('/integration/feeds/*', integrationTokenMiddleware());
integrationFeedRoutes.openapi(feedRoute, async (c) => {
  const { feed } = c.req.valid('param');
  const token = c.var.token;
  if (!token.feeds.includes(feed)) throw problem('integration.feed-not-allowed', { feed });
  const { valid, errors } = parseFeedRows(feed, c.req.valid('json').rows);
  const outcome = await storeFeedBatch(c.var.tx, {
    schoolId: token.schoolId,
    schoolCode: token.schoolCode,
    plugin: c.var.plugins.active(token.schoolCode)?.compiled,
    feed,
    rows: valid,
    errors,
    channel: { kind: 'api', tokenId: token.id, tokenName: token.name },
    now: c.var.clock(),
  });
  return c.json(outcome, 200);
});
