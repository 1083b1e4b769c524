import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../../auth/caller.ts';
import type { AuthedEnv } from '../../context.ts';
import { problemResponses } from '../../http/problem.ts';
import { createRouter } from '../../http/router.ts';
import { presentInboxItem, presentMessage, presentMyThread } from './present.ts';
import {
  CreatedSchema,
  IdParams,
  MyTreeHoleThreadSchema,
  NewTreeHoleMessageBody,
  TreeHoleFollowUpBody,
  TreeHoleInboxSchema,
  TreeHoleKeyBody,
  TreeHoleMessageSchema,
  TreeHoleNoticeSchema,
  TreeHoleReplyBody,
  TreeHoleWriterSchema,
  TreeHoleWrittenSchema,
} from './schemas.ts';
import {
  closeThread,
  followUp,
  inboxOf,
  messageOf,
  noticeOf,
  readThread,
  reply,
  writeMessage,
  writerOfMessage,
} from './service.ts';

const tags = ['tree-hole'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const PURPOSE = '情绪树洞 / the tree hole';

const r = {
  notice: createRoute({
    method: 'get',
    path: '/tree-hole/notice',
    tags,
    summary:
      'The notice a student reads before writing (the school plugin’s text: anonymous, and the one limit of a safety signal)',
    responses: {
      200: { description: 'The notice', content: json(TreeHoleNoticeSchema) },
      ...problemResponses(401, 403, 409),
    },
  }),
  write: createRoute({
    method: 'post',
    path: '/tree-hole/messages',
    tags,
    summary:
      'Write to the tree hole (a student): stored without the student; answers the one-time key, shown this once',
    request: { body: { required: true, content: json(NewTreeHoleMessageBody) } },
    responses: {
      201: { description: 'Written', content: json(TreeHoleWrittenSchema) },
      ...problemResponses(400, 401, 403, 409),
    },
  }),
  thread: createRoute({
    method: 'post',
    path: '/tree-hole/thread',
    tags,
    summary: 'Read one’s thread with its key (a student): the key is spent, the next one answered',
    request: { body: { required: true, content: json(TreeHoleKeyBody) } },
    responses: {
      200: { description: 'The thread', content: json(MyTreeHoleThreadSchema) },
      ...problemResponses(400, 401, 403),
    },
  }),
  followUp: createRoute({
    method: 'post',
    path: '/tree-hole/thread/posts',
    tags,
    summary: 'Write again in one’s thread with its key (a student): the key is spent, the next one answered',
    request: { body: { required: true, content: json(TreeHoleFollowUpBody) } },
    responses: {
      201: { description: 'Written', content: json(TreeHoleWrittenSchema.omit({ replyDueAt: true })) },
      ...problemResponses(400, 401, 403, 409),
    },
  }),
  inbox: createRoute({
    method: 'get',
    path: '/tree-hole/messages',
    tags,
    summary: 'The center’s tree-hole inbox: awaiting a reply first, escalated first (never who wrote)',
    responses: {
      200: { description: 'The inbox', content: json(TreeHoleInboxSchema) },
      ...problemResponses(401, 403),
    },
  }),
  message: createRoute({
    method: 'get',
    path: '/tree-hole/messages/{id}',
    tags,
    summary: 'A tree-hole message with its thread (the center; never who wrote)',
    request: { params: IdParams },
    responses: {
      200: { description: 'The message', content: json(TreeHoleMessageSchema) },
      ...problemResponses(401, 403, 404),
    },
  }),
  reply: createRoute({
    method: 'post',
    path: '/tree-hole/messages/{id}/replies',
    tags,
    summary: 'Reply to a tree-hole message (the center)',
    request: { params: IdParams, body: { required: true, content: json(TreeHoleReplyBody) } },
    responses: {
      201: { description: 'Replied', content: json(CreatedSchema) },
      ...problemResponses(400, 401, 403, 404),
    },
  }),
  close: createRoute({
    method: 'post',
    path: '/tree-hole/messages/{id}/close',
    tags,
    summary: 'Close an answered conversation (the center): still readable, no longer written to',
    request: { params: IdParams },
    responses: { 204: { description: 'Closed' }, ...problemResponses(401, 403, 404, 409) },
  }),
  writer: createRoute({
    method: 'get',
    path: '/tree-hole/messages/{id}/writer',
    tags,
    summary:
      'Who wrote an escalated message, where the plugin reveals the writer (the center director alone; audited)',
    request: { params: IdParams },
    responses: {
      200: { description: 'The writer', content: json(TreeHoleWriterSchema) },
      ...problemResponses(401, 403, 404),
    },
  }),
};

const pluginOf = (c: Context<AuthedEnv>) => c.var.plugins.active(c.var.me.school.code)?.compiled;

/** `/api/tree-hole…`: the anonymous tree hole (情绪树洞): students write and read with a key, the center replies. */
export const treeHoleRoutes = createRouter()
  .openapi(r.notice, async (c) => c.json(await noticeOf(callerOf(c, PURPOSE), pluginOf(c)), 200))
  .openapi(r.write, async (c) => {
    const done = await writeMessage(callerOf(c, PURPOSE), pluginOf(c), c.req.valid('json'), c.var.clock());
    return c.json({ ...done, replyDueAt: done.replyDueAt.toISOString() }, 201);
  })
  .openapi(r.thread, async (c) => {
    const thread = await readThread(callerOf(c, PURPOSE), c.req.valid('json').key, c.var.clock());
    return c.json(presentMyThread(thread), 200);
  })
  .openapi(r.followUp, async (c) => {
    const done = await followUp(callerOf(c, PURPOSE), pluginOf(c), c.req.valid('json'), c.var.clock());
    return c.json({ key: done.nextKey, safety: done.safety }, 201);
  })
  .openapi(r.inbox, async (c) => {
    const rows = await inboxOf(callerOf(c, PURPOSE));
    const now = c.var.clock();
    return c.json({ messages: rows.map((row) => presentInboxItem(row, now)) }, 200);
  })
  .openapi(r.message, async (c) => {
    const { message, posts } = await messageOf(callerOf(c, PURPOSE), c.req.valid('param').id);
    return c.json(presentMessage(message, posts, c.var.clock()), 200);
  })
  .openapi(r.reply, async (c) => {
    const id = await reply(
      callerOf(c, PURPOSE),
      c.req.valid('param').id,
      c.req.valid('json').body,
      c.var.clock(),
    );
    return c.json({ id }, 201);
  })
  .openapi(r.close, async (c) => {
    await closeThread(callerOf(c, PURPOSE), c.req.valid('param').id, c.var.clock());
    return c.body(null, 204);
  })
  .openapi(r.writer, async (c) =>
    c.json(await writerOfMessage(callerOf(c, PURPOSE), c.req.valid('param').id), 200),
  );
