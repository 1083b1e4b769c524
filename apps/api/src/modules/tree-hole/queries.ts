import {
  people,
  roleAssignments,
  students,
  type TenantTx,
  type TreeHoleSignal,
  treeHoleKeys,
  treeHoleMessages,
  treeHoleReplies,
  treeHoleWriters,
  units,
} from '@xinqiao/db';
import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/**
 * Stores a message. The id is made by the caller: a student may add a message but not read it back (RLS), so
 * there is no RETURNING. No student id is stored with it.
 */
export async function insertMessage(
  tx: TenantTx,
  values: {
    id: string;
    schoolId: string;
    body: string;
    noticeVersion: string;
    signals: TreeHoleSignal[];
    escalated: boolean;
    writerRevealable: boolean;
    replyDueAt: Date;
    ruleNames: string[];
    pluginId: string;
    pluginVersion: string;
    now: Date;
  },
): Promise<void> {
  const { now, ...row } = values;
  await tx.insert(treeHoleMessages).values({ ...row, createdAt: now, lastWriterPostAt: now });
}

/** Adds a key (its hash and holder tag) to a message's thread; the key itself is never stored. */
export async function insertKey(
  tx: TenantTx,
  values: { keyHash: string; schoolId: string; messageId: string; holderTag: string; now: Date },
): Promise<void> {
  const { now, ...row } = values;
  await tx.insert(treeHoleKeys).values({ ...row, issuedAt: now });
}

/** Links an escalated message to its writer (readable only with treehole.identify). */
export async function insertWriter(
  tx: TenantTx,
  values: { messageId: string; schoolId: string; studentId: string },
): Promise<void> {
  await tx.insert(treeHoleWriters).values(values);
}

/**
 * Makes the key's hash the transaction's `xq.tree_hole_key`: RLS then shows the student that key's row and its
 * thread, nothing else.
 */
export async function useKeyHash(tx: TenantTx, keyHash: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('xq.tree_hole_key', ${keyHash}, true)`);
}

/** The key row of the transaction's key hash (RLS shows no other), locked. */
export async function keyForUpdate(tx: TenantTx, keyHash: string) {
  const [row] = await tx.select().from(treeHoleKeys).where(eq(treeHoleKeys.keyHash, keyHash)).for('update');
  return row;
}

export async function markKeyUsed(tx: TenantTx, keyHash: string, now: Date): Promise<void> {
  await tx.update(treeHoleKeys).set({ usedAt: now }).where(eq(treeHoleKeys.keyHash, keyHash));
}

/** A message by id: the center reads any of its school's; a student only the one their key opens (RLS). */
export async function messageById(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(treeHoleMessages).where(eq(treeHoleMessages.id, id));
  return row;
}

/** A message locked for a reply or a follow-up. */
export async function messageForUpdate(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(treeHoleMessages).where(eq(treeHoleMessages.id, id)).for('update');
  return row;
}
export type MessageRow = NonNullable<Awaited<ReturnType<typeof messageById>>>;

/** The posts of a thread after the message, oldest first, with the name of the center's author. */
export async function postsOf(tx: TenantTx, messageId: string) {
  return tx
    .select({
      id: treeHoleReplies.id,
      fromCenter: treeHoleReplies.fromCenter,
      authorName: people.displayName,
      body: treeHoleReplies.body,
      createdAt: treeHoleReplies.createdAt,
    })
    .from(treeHoleReplies)
    .leftJoin(people, eq(people.id, treeHoleReplies.authorId))
    .where(eq(treeHoleReplies.messageId, messageId))
    .orderBy(asc(treeHoleReplies.createdAt), asc(treeHoleReplies.id));
}
export type PostRow = Awaited<ReturnType<typeof postsOf>>[number];

/** The writer's posts of a thread as the writer reads them: no author names (RLS shows them only their thread). */
export async function postsForWriter(tx: TenantTx, messageId: string) {
  return tx
    .select({
      fromCenter: treeHoleReplies.fromCenter,
      body: treeHoleReplies.body,
      createdAt: treeHoleReplies.createdAt,
    })
    .from(treeHoleReplies)
    .where(eq(treeHoleReplies.messageId, messageId))
    .orderBy(asc(treeHoleReplies.createdAt), asc(treeHoleReplies.id));
}

export async function insertPost(
  tx: TenantTx,
  values: {
    schoolId: string;
    messageId: string;
    fromCenter: boolean;
    authorId: string | null;
    body: string;
    signals: TreeHoleSignal[];
    now: Date;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  const { now, ...row } = values;
  await tx.insert(treeHoleReplies).values({ id, ...row, createdAt: now });
  return id;
}

/** The center closes a thread: read-only from now on, out of the way at the end of the inbox. */
export async function markClosed(tx: TenantTx, messageId: string, now: Date): Promise<void> {
  await tx.update(treeHoleMessages).set({ closedAt: now }).where(eq(treeHoleMessages.id, messageId));
}

/** The center answered: the thread waits for the writer. */
export async function markAnswered(tx: TenantTx, messageId: string, now: Date): Promise<void> {
  await tx.update(treeHoleMessages).set({ answeredAt: now }).where(eq(treeHoleMessages.id, messageId));
}

/** The writer wrote again: the thread waits for the center, escalated (and due) anew when a signal is in it. */
export async function markWriterPosted(
  tx: TenantTx,
  messageId: string,
  values: {
    now: Date;
    replyDueAt: Date;
    escalated: boolean;
    writerRevealable: boolean;
    signals: TreeHoleSignal[];
    ruleNames: string[];
  },
): Promise<void> {
  await tx
    .update(treeHoleMessages)
    .set({
      lastWriterPostAt: values.now,
      replyDueAt: values.replyDueAt,
      escalated: values.escalated,
      writerRevealable: values.writerRevealable,
      signals: values.signals,
      ruleNames: values.ruleNames,
    })
    .where(eq(treeHoleMessages.id, messageId));
}

/** Whether the thread waits for the center: never answered, or the writer wrote since. */
export const awaitingReply = sql<boolean>`(${treeHoleMessages.answeredAt} IS NULL OR ${treeHoleMessages.lastWriterPostAt} > ${treeHoleMessages.answeredAt})`;

/**
 * The center's inbox (RLS: treehole.reply, the school's messages): those awaiting a reply first, escalated first,
 * then by their reply deadline; then the answered ones, latest first; the closed ones last. At most 500.
 */
export async function inbox(tx: TenantTx) {
  const posts = tx
    .select({ messageId: treeHoleReplies.messageId, n: count().as('n') })
    .from(treeHoleReplies)
    .groupBy(treeHoleReplies.messageId)
    .as('posts');
  return tx
    .select({
      id: treeHoleMessages.id,
      excerpt: sql<string>`left(${treeHoleMessages.body}, 120)`,
      createdAt: treeHoleMessages.createdAt,
      signals: treeHoleMessages.signals,
      escalated: treeHoleMessages.escalated,
      writerRevealable: treeHoleMessages.writerRevealable,
      replyDueAt: treeHoleMessages.replyDueAt,
      answeredAt: treeHoleMessages.answeredAt,
      closedAt: treeHoleMessages.closedAt,
      awaitingReply: awaitingReply,
      posts: sql<number>`coalesce(${posts.n}, 0)::int`,
    })
    .from(treeHoleMessages)
    .leftJoin(posts, eq(posts.messageId, treeHoleMessages.id))
    .orderBy(
      sql`${treeHoleMessages.closedAt} IS NOT NULL`,
      desc(awaitingReply),
      desc(treeHoleMessages.escalated),
      sql`CASE WHEN ${awaitingReply} THEN ${treeHoleMessages.replyDueAt} END ASC`,
      desc(treeHoleMessages.lastWriterPostAt),
      asc(treeHoleMessages.id),
    )
    .limit(500);
}
export type InboxRow = Awaited<ReturnType<typeof inbox>>[number];

/** The messages awaiting the center's reply, for My work (RLS: treehole.reply). */
export async function awaitingMessages(tx: TenantTx) {
  return tx
    .select({
      id: treeHoleMessages.id,
      escalated: treeHoleMessages.escalated,
      signals: treeHoleMessages.signals,
      replyDueAt: treeHoleMessages.replyDueAt,
      lastWriterPostAt: treeHoleMessages.lastWriterPostAt,
      pluginId: treeHoleMessages.pluginId,
      pluginVersion: treeHoleMessages.pluginVersion,
    })
    .from(treeHoleMessages)
    .where(and(isNull(treeHoleMessages.closedAt), awaitingReply))
    .orderBy(asc(treeHoleMessages.replyDueAt))
    .limit(500);
}

/** The writer of an escalated message, as the director sees them (RLS: treehole.identify; the student row's own). */
export async function writerOf(tx: TenantTx, messageId: string) {
  const klass = alias(units, 'klass');
  const college = alias(units, 'college');
  const [row] = await tx
    .select({
      id: students.id,
      name: students.name,
      studentNumber: students.studentNumber,
      className: klass.name,
      collegeName: college.name,
    })
    .from(treeHoleWriters)
    .innerJoin(students, eq(students.id, treeHoleWriters.studentId))
    .innerJoin(klass, eq(klass.id, students.classUnitId))
    .innerJoin(college, eq(college.id, students.collegeUnitId))
    .where(eq(treeHoleWriters.messageId, messageId));
  return row;
}

/** The people who hold a role of the center (to tell of an escalated message): directors and staff, each once. */
export async function centerPeople(tx: TenantTx): Promise<{ personId: string; director: boolean }[]> {
  const rows = await tx
    .selectDistinct({ personId: roleAssignments.personId, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .where(
      and(
        inArray(roleAssignments.role, ['center_director', 'center_staff']),
        or(eq(people.disabled, false), isNull(people.disabled)),
      ),
    );
  const byPerson = new Map<string, boolean>();
  for (const row of rows)
    byPerson.set(row.personId, byPerson.get(row.personId) || row.role === 'center_director');
  return [...byPerson]
    .map(([personId, director]) => ({ personId, director }))
    .sort((a, b) => (a.personId < b.personId ? -1 : 1));
}
