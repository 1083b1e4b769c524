import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { TreeHoleSignal } from '@xinqiao/db';
import type { CompiledPlugin } from '@xinqiao/policy';
import { type Caller, can, requirePermission } from '../../auth/caller.ts';
import { fieldError, invalidFields, problem } from '../../http/problem.ts';
import { recordAccess } from '../audit/record.ts';
import { requireStudent } from '../me/access.ts';
import { notify } from '../notifications/notify.ts';
import { handlingOf, signalsIn, treeHolePolicyOf } from './policy.ts';
import {
  centerPeople,
  inbox,
  insertKey,
  insertMessage,
  insertPost,
  insertWriter,
  keyForUpdate,
  markAnswered,
  markClosed,
  markKeyUsed,
  markWriterPosted,
  messageById,
  messageForUpdate,
  postsForWriter,
  postsOf,
  useKeyHash,
  writerOf,
} from './queries.ts';

const MINUTE = 60_000;
/** Where the center answers the tree hole: the counselling center's 树洞 tab. */
export const TREE_HOLE_LINK = '/counselling-center?tab=tree-hole';

const KEY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A new one-time key (查看码): 16 characters without look-alikes (0/O, 1/I/L) from the system's random source,
 * about 79 bits, shown in groups of four.
 *
 * @example
 * newKey(); // 'K7QM-2WXD-PF9H-RT4N'
 */
export function newKey(): string {
  let key = '';
  for (let i = 0; i < 16; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)];
  return key.match(/.{4}/g)!.join('-');
}

/** A key as typed, reduced to its characters: dashes, spaces and case do not matter. */
export function plainKey(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** What is stored of a key: its SHA-256 (the key has ~79 random bits, so no slow hash is needed). */
const keyHashOf = (plain: string) => sha256(`xinqiao-tree-hole-key:${plain}`);
/** Ties a key to the student it was given to without storing who that is: useless without the key itself. */
const holderTagOf = (plain: string, studentId: string) =>
  sha256(`xinqiao-tree-hole-holder:${plain}:${studentId}`);

const keyRefused = (code: 'tree-hole.key-unknown' | 'tree-hole.key-used') =>
  problem('tree-hole.key-refused').naming([fieldError('key', code)]);

/**
 * The notice a student reads before writing (the plugin's text: what the center sees, and the one limit of
 * anonymity), and when a reply comes. Read by a student, and by the center to know what students were told.
 */
export async function noticeOf(caller: Caller, plugin: CompiledPlugin | undefined) {
  if (!can(caller, 'treehole.reply')) await requireStudent(caller);
  const policy = await treeHolePolicyOf(plugin, caller.me.school.code);
  const routine = await handlingOf(policy, false);
  return {
    ...policy.notice,
    replyWithin: { minutes: routine.replyWithinMinutes, zh: routine.zh, en: routine.en },
    plugin: { id: policy.plugin.id, version: policy.plugin.version },
  };
}

/** A student's key to a thread, issued into the caller's transaction; answers the key, shown once. */
async function issueKey(caller: Caller, messageId: string, studentId: string, now: Date): Promise<string> {
  const key = newKey();
  const plain = plainKey(key);
  await insertKey(caller.tx, {
    keyHash: keyHashOf(plain),
    schoolId: caller.me.school.id,
    messageId,
    holderTag: holderTagOf(plain, studentId),
    now,
  });
  return key;
}

/** Tells the center of an escalated message, now: in the app and, as a bare count, by the school's channels. */
async function tellCenter(caller: Caller, dueAt: Date): Promise<void> {
  const recipients = (await centerPeople(caller.tx)).map((p) => p.personId);
  await notify(caller.tx, {
    schoolId: caller.me.school.id,
    recipients,
    kind: 'tree-hole.escalated',
    params: { count: 1, dueAt: dueAt.toISOString() },
    link: TREE_HOLE_LINK,
    outbound: { count: 1 },
  });
}

/**
 * A student writes to the tree hole. The message is stored without the student; the plugin's phrases are looked
 * for in it, and its handling decides the reply deadline and, for a safety signal, the escalation: urgent in the
 * center's My work, the center told at once, and — where the plugin says so, as the notice told the writer — the
 * writer linked for the center director alone. Answers the one-time key, shown this once.
 *
 * Nothing the student does in the tree hole is written to the audit log: a row naming the student at the moment a
 * message arrives would let the log's readers match the two (docs/tree-hole.md).
 */
export async function writeMessage(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { body: string; noticeVersion: string },
  now: Date,
) {
  const student = await requireStudent(caller);
  const policy = await treeHolePolicyOf(plugin, caller.me.school.code);
  if (input.noticeVersion !== policy.notice.version) {
    throw invalidFields([
      fieldError('noticeVersion', 'tree-hole.notice-changed', { version: policy.notice.version }),
    ]);
  }
  const signals = signalsIn(input.body, policy.signals);
  const handling = await handlingOf(policy, signals.length > 0);
  const id = randomUUID();
  const replyDueAt = new Date(now.getTime() + handling.replyWithinMinutes * MINUTE);
  await insertMessage(caller.tx, {
    id,
    schoolId: caller.me.school.id,
    body: input.body,
    noticeVersion: policy.notice.version,
    signals,
    escalated: handling.escalate,
    writerRevealable: handling.revealWriter,
    replyDueAt,
    ruleNames: [...handling.ruleNames],
    pluginId: policy.plugin.id,
    pluginVersion: policy.plugin.version,
    now,
  });
  const key = await issueKey(caller, id, student.studentId, now);
  if (handling.escalate && handling.revealWriter) {
    await insertWriter(caller.tx, {
      messageId: id,
      schoolId: caller.me.school.id,
      studentId: student.studentId,
    });
  }
  if (handling.escalate) await tellCenter(caller, replyDueAt);
  return { key, safety: signals.length > 0, replyDueAt };
}

/**
 * Opens the thread of the key the student holds, and spends the key: an unknown key, or one given to another
 * student, is refused naming `key` (the same answer: whether a key exists is not told), a spent one too. The
 * answer carries the next key, shown this once.
 */
async function openWithKey(caller: Caller, typed: string, now: Date) {
  const student = await requireStudent(caller);
  const plain = plainKey(typed);
  const keyHash = keyHashOf(plain);
  await useKeyHash(caller.tx, keyHash);
  const row = await keyForUpdate(caller.tx, keyHash);
  if (!row || row.holderTag !== holderTagOf(plain, student.studentId))
    throw keyRefused('tree-hole.key-unknown');
  if (row.usedAt) throw keyRefused('tree-hole.key-used');
  await markKeyUsed(caller.tx, keyHash, now);
  const message = await messageForUpdate(caller.tx, row.messageId);
  if (!message) throw keyRefused('tree-hole.key-unknown');
  return { student, message };
}

/** The writer reads their thread with its key; the key is spent and the next one answered. */
export async function readThread(caller: Caller, key: string, now: Date) {
  const { student, message } = await openWithKey(caller, key, now);
  const nextKey = await issueKey(caller, message.id, student.studentId, now);
  const posts = await postsForWriter(caller.tx, message.id);
  return {
    body: message.body,
    createdAt: message.createdAt,
    posts,
    nextKey,
    safety: message.signals.length > 0,
    closed: message.closedAt !== null,
  };
}

/**
 * The writer writes again in their thread (with its key, which is spent): checked for the plugin's signals like a
 * new message; a signal escalates the thread (and links the writer where the plugin says so) if it was not yet.
 */
export async function followUp(
  caller: Caller,
  plugin: CompiledPlugin | undefined,
  input: { key: string; body: string },
  now: Date,
) {
  const { student, message } = await openWithKey(caller, input.key, now);
  // Refused before anything changes: the transaction rolls back, so the key is not spent.
  if (message.closedAt) throw problem('tree-hole.closed');
  const policy = await treeHolePolicyOf(plugin, caller.me.school.code);
  const signals = signalsIn(input.body, policy.signals);
  const handling = await handlingOf(policy, signals.length > 0);
  await insertPost(caller.tx, {
    schoolId: caller.me.school.id,
    messageId: message.id,
    fromCenter: false,
    authorId: null,
    body: input.body,
    signals,
    now,
  });
  const due = new Date(now.getTime() + handling.replyWithinMinutes * MINUTE);
  const waiting = message.answeredAt === null || message.lastWriterPostAt > message.answeredAt;
  const replyDueAt = waiting && message.replyDueAt < due ? message.replyDueAt : due;
  const known = new Set(message.signals.map((s) => s.code));
  const allSignals: TreeHoleSignal[] = [...message.signals, ...signals.filter((s) => !known.has(s.code))];
  const reveal = handling.escalate && handling.revealWriter && !message.writerRevealable;
  await markWriterPosted(caller.tx, message.id, {
    now,
    replyDueAt,
    escalated: message.escalated || handling.escalate,
    writerRevealable: message.writerRevealable || reveal,
    signals: allSignals,
    ruleNames: [...new Set([...message.ruleNames, ...handling.ruleNames])],
  });
  if (reveal) {
    await insertWriter(caller.tx, {
      messageId: message.id,
      schoolId: caller.me.school.id,
      studentId: student.studentId,
    });
  }
  if (handling.escalate && !message.escalated) await tellCenter(caller, replyDueAt);
  const nextKey = await issueKey(caller, message.id, student.studentId, now);
  return { nextKey, safety: signals.length > 0 };
}

/** The center's inbox: awaiting a reply first, escalated first, by deadline; reading it is audited. */
export async function inboxOf(caller: Caller) {
  requirePermission(caller, 'treehole.reply');
  const rows = await inbox(caller.tx);
  await recordAccess(caller.tx, caller.me, {
    action: 'tree_hole.inbox_read',
    entity: 'tree_hole_message',
    purpose: caller.purpose,
  });
  return rows;
}

/** One message with its thread (never its writer); audited. */
export async function messageOf(caller: Caller, id: string) {
  requirePermission(caller, 'treehole.reply');
  const message = await messageById(caller.tx, id);
  if (!message) throw problem('tree-hole.not-found');
  const posts = await postsOf(caller.tx, id);
  await recordAccess(caller.tx, caller.me, {
    action: 'tree_hole_message.read',
    entity: 'tree_hole_message',
    entityId: id,
    purpose: caller.purpose,
  });
  return { message, posts };
}

/** A member of the center replies; the thread is answered until the writer writes again. Audited. */
export async function reply(caller: Caller, id: string, body: string, now: Date): Promise<string> {
  requirePermission(caller, 'treehole.reply');
  const message = await messageForUpdate(caller.tx, id);
  if (!message) throw problem('tree-hole.not-found');
  if (message.closedAt) throw problem('tree-hole.closed');
  const postId = await insertPost(caller.tx, {
    schoolId: caller.me.school.id,
    messageId: id,
    fromCenter: true,
    authorId: caller.me.person.id,
    body,
    signals: [],
    now,
  });
  await markAnswered(caller.tx, id, now);
  await recordAccess(caller.tx, caller.me, {
    action: 'tree_hole_message.replied',
    entity: 'tree_hole_message',
    entityId: id,
    purpose: caller.purpose,
  });
  return postId;
}

/**
 * The center closes a conversation it has answered (never one still awaiting a reply): it stays readable, by the
 * center and by its writer with a key, and can no longer be written to. Audited.
 */
export async function closeThread(caller: Caller, id: string, now: Date): Promise<void> {
  requirePermission(caller, 'treehole.reply');
  const message = await messageForUpdate(caller.tx, id);
  if (!message) throw problem('tree-hole.not-found');
  if (message.closedAt) return;
  if (message.answeredAt === null || message.lastWriterPostAt > message.answeredAt) {
    throw problem('tree-hole.awaiting-reply');
  }
  await markClosed(caller.tx, id, now);
  await recordAccess(caller.tx, caller.me, {
    action: 'tree_hole_message.closed',
    entity: 'tree_hole_message',
    entityId: id,
    purpose: caller.purpose,
  });
}

/**
 * Who wrote an escalated message, for the center director alone (treehole.identify), where the plugin reveals
 * the writer: the one limit of the tree hole's anonymity. 404 for any other message. Audited with the student.
 */
export async function writerOfMessage(caller: Caller, id: string) {
  requirePermission(caller, 'treehole.identify');
  const message = await messageById(caller.tx, id);
  if (!message) throw problem('tree-hole.not-found');
  const writer = message.escalated && message.writerRevealable ? await writerOf(caller.tx, id) : undefined;
  if (!writer) throw problem('tree-hole.writer-not-revealed');
  await recordAccess(caller.tx, caller.me, {
    action: 'tree_hole_writer.read',
    entity: 'tree_hole_message',
    entityId: id,
    studentId: writer.id,
    purpose: caller.purpose,
  });
  return writer;
}
