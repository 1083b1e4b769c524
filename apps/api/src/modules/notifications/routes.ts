import { createRoute } from '@hono/zod-openapi';
import { callerOf } from '../../auth/caller.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { ChannelsSchema, PutChannelsBody, TestChannelBody, TestResultSchema } from './channels/schemas.ts';
import { getChannels, putChannels, recordTestSend, testChannel } from './channels/service.ts';
import { testSentBefore } from './channels/test-send.ts';
import {
  NotificationIdParams,
  NotificationListQuery,
  NotificationPageSchema,
  NotificationSchema,
  ReadAllSchema,
} from './schemas.ts';
import { listMyNotifications, markAllMyNotificationsRead, markMyNotificationRead } from './service.ts';

const tags = ['notifications'];
/** Why notifications and channels are read or changed, for the audit rows (unless the request states its own). */
const PURPOSE = '通知 / notifications';
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags,
  summary: "The caller's notifications, newest first, with the unread count",
  request: { query: NotificationListQuery },
  responses: {
    200: { description: 'A page of notifications', ...json(NotificationPageSchema) },
    ...problemResponses(400, 401),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags,
  summary: 'Mark one of the caller’s notifications read',
  request: { params: NotificationIdParams },
  responses: {
    200: { description: 'The notification, read', ...json(NotificationSchema) },
    ...problemResponses(400, 401, 404),
  },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags,
  summary: 'Mark all the caller’s notifications read',
  responses: {
    200: { description: 'How many were unread', ...json(ReadAllSchema) },
    ...problemResponses(401),
  },
});

const channelsRoute = createRoute({
  method: 'get',
  path: '/notifications/channels',
  tags,
  summary: "The school's outbound channels (school admins): e-mail by SMTP and a 企业微信/钉钉 group robot",
  description:
    'Secrets are write-only: the SMTP password, the robot URL’s key and the signing secret are never answered.',
  responses: {
    200: { description: 'The channels, null where not set up', ...json(ChannelsSchema) },
    ...problemResponses(401, 403),
  },
});

const putChannelsRoute = createRoute({
  method: 'put',
  path: '/notifications/channels',
  tags,
  summary: "Set up, change or remove the school's outbound channels (school admins)",
  request: { body: { required: true, ...json(PutChannelsBody) } },
  responses: {
    200: { description: 'The channels as stored', ...json(ChannelsSchema) },
    ...problemResponses(400, 401, 403),
  },
});

const testRoute = createRoute({
  method: 'post',
  path: '/notifications/channels/test',
  tags,
  summary: 'Send a test message by a stored channel, now (school admins)',
  request: { body: { required: true, ...json(TestChannelBody) } },
  responses: {
    200: { description: 'The server or robot took the message', ...json(TestResultSchema) },
    ...problemResponses(400, 401, 403, 409, 502),
  },
});

/**
 * The in-app notification centre (`GET /api/notifications`, `POST /api/notifications/{id}/read`,
 * `POST /api/notifications/read-all`) and the school's outbound channels (`GET/PUT /api/notifications/channels`,
 * `POST /api/notifications/channels/test`).
 */
export const notificationsRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listMyNotifications(callerOf(c, PURPOSE), c.req.valid('query')), 200),
  )
  .openapi(readAllRoute, async (c) => c.json(await markAllMyNotificationsRead(callerOf(c, PURPOSE)), 200))
  .openapi(readRoute, async (c) =>
    c.json(await markMyNotificationRead(callerOf(c, PURPOSE), c.req.valid('param').id), 200),
  )
  .openapi(channelsRoute, async (c) => c.json(await getChannels(callerOf(c, PURPOSE)), 200))
  .openapi(putChannelsRoute, async (c) =>
    c.json(await putChannels(callerOf(c, PURPOSE), c.req.valid('json')), 200),
  )
  .openapi(testRoute, async (c) => {
    // Sent before the transaction opened (channels/test-send.ts); audited here, in the request's transaction.
    const sent = testSentBefore(c.req.raw);
    const caller = callerOf(c, PURPOSE);
    return c.json(
      sent ? await recordTestSend(caller, sent) : await testChannel(caller, c.req.valid('json')),
      200,
    );
  });
