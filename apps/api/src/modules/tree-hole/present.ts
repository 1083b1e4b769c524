import type { InboxRow, MessageRow, PostRow } from './queries.ts';

const overdue = (dueAt: Date, awaiting: boolean, now: Date) => awaiting && dueAt.getTime() < now.getTime();

/** A message in the center's inbox: an excerpt, its signals and deadline; never who wrote it. */
export function presentInboxItem(row: InboxRow, now: Date) {
  return {
    id: row.id,
    excerpt: row.excerpt,
    createdAt: row.createdAt.toISOString(),
    signals: row.signals,
    escalated: row.escalated,
    writerRevealable: row.writerRevealable,
    replyDueAt: row.replyDueAt.toISOString(),
    overdue: overdue(row.replyDueAt, row.awaitingReply, now),
    awaitingReply: row.awaitingReply,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    posts: row.posts,
  };
}

/** A message and its thread as the center reads it: the center's authors named, the writer never. */
export function presentMessage(message: MessageRow, posts: PostRow[], now: Date) {
  const awaiting = message.answeredAt === null || message.lastWriterPostAt > message.answeredAt;
  return {
    id: message.id,
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    signals: message.signals,
    escalated: message.escalated,
    writerRevealable: message.writerRevealable,
    replyDueAt: message.replyDueAt.toISOString(),
    overdue: overdue(message.replyDueAt, awaiting, now),
    awaitingReply: awaiting,
    closedAt: message.closedAt?.toISOString() ?? null,
    decision: {
      pluginId: message.pluginId,
      pluginVersion: message.pluginVersion,
      ruleNames: message.ruleNames,
    },
    posts: posts.map((p) => ({
      id: p.id,
      fromCenter: p.fromCenter,
      authorName: p.fromCenter ? (p.authorName ?? '') : null,
      body: p.body,
      createdAt: p.createdAt.toISOString(),
    })),
  };
}

/** The thread as its writer reads it with the key: no names, no signals' codes, the next key. */
export function presentMyThread(thread: {
  body: string;
  createdAt: Date;
  posts: { fromCenter: boolean; body: string; createdAt: Date }[];
  nextKey: string;
  safety: boolean;
  closed: boolean;
}) {
  return {
    body: thread.body,
    createdAt: thread.createdAt.toISOString(),
    posts: thread.posts.map((p) => ({
      fromCenter: p.fromCenter,
      body: p.body,
      createdAt: p.createdAt.toISOString(),
    })),
    nextKey: thread.nextKey,
    safety: thread.safety,
    closed: thread.closed,
  };
}
