import { treeHoleKeys, treeHoleMessages, treeHoleReplies, treeHoleWriters } from '@xinqiao/db';
import { withTenant } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { getTableColumns } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantScope } from '../../auth/scope.ts';
import {
  createTestApp,
  json,
  loginAs,
  loginAsStudent,
  type TestApp,
  type TestSession,
  testClock,
  testPluginCatalog,
} from '../../testing/index.ts';
import { normalizeForSignals, signalsIn } from './policy.ts';
import { newKey, plainKey } from './service.ts';

// The tree hole end to end: a student writes anonymously and reads the reply with a one-time key; the center reads
// and replies without ever seeing who wrote; a safety phrase escalates (urgent in My work, the center told) and
// lets the director alone see the writer; another school and another student read nothing.
let t: TestApp;
let director: TestSession;
let staff: TestSession;
let counsellor: TestSession;
let betaStaff: TestSession;
let writer: TestSession;
let other: TestSession;
let writerNumber: string;

const passwords = new Map<string, string>();

async function studentOf(school: 'alpha' | 'beta', index: number): Promise<[TestSession, string]> {
  if (passwords.size === 0) {
    const admin = await loginAs(t.app, school, 'admin');
    const classId = t.world.schools[school].colleges[0].classId;
    const res = await admin.request(`/api/student-accounts/classes/${classId}/issue.xlsx`, {
      method: 'POST',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    workbook.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) passwords.set(String(row.getCell(1).value), String(row.getCell(3).value));
    });
  }
  const number = t.world.schools[school].colleges[0].studentNumbers[index]!;
  const session = await loginAsStudent(t.app, school, number, passwords.get(number)!);
  const changed = await session.request('/api/me/password', {
    method: 'POST',
    body: { currentPassword: passwords.get(number), newPassword: `tree-hole-${school}-${index}-pw` },
  });
  if (changed.status !== 204) throw new Error(`password change answered ${changed.status}`);
  return [session, number];
}

beforeAll(async () => {
  const { plugins } = await testPluginCatalog({ copies: { alpha: 'hrbmu', beta: 'hut' } });
  t = await createTestApp({ plugins, clock: testClock(new Date('2026-11-02T02:00:00Z')) });
  director = await loginAs(t.app, 'alpha', 'director');
  staff = await loginAs(t.app, 'alpha', 'staff');
  counsellor = await loginAs(t.app, 'alpha', 'counsellor1');
  betaStaff = await loginAs(t.app, 'beta', 'staff');
  [writer, writerNumber] = await studentOf('alpha', 0);
  [other] = await studentOf('alpha', 1);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function write(session: TestSession, body: string) {
  const notice = await json(await session.request('/api/tree-hole/notice'));
  const res = await session.request('/api/tree-hole/messages', {
    method: 'POST',
    body: { body, noticeVersion: notice.version },
  });
  expect(res.status).toBe(201);
  return json(res);
}

async function inbox(session: TestSession) {
  const res = await session.request('/api/tree-hole/messages');
  expect(res.status).toBe(200);
  return (await json(res)).messages as {
    id: string;
    excerpt: string;
    escalated: boolean;
    awaitingReply: boolean;
  }[];
}

const idOf = async (excerpt: string) => (await inbox(staff)).find((m) => m.excerpt.startsWith(excerpt))!.id;

describe('tree hole: signals', () => {
  it('finds the plugin’s phrases ignoring width, case and spaces', () => {
    const signals = [{ code: 'suicide', phrases: ['不想活', 'Kill myself'], zh: '轻生念头', en: 'Suicide' }];
    expect(normalizeForSignals('我 不想\u200b活了')).toBe('我不想活了');
    expect(signalsIn('我 不想 活了', signals).map((s) => s.code)).toEqual(['suicide']);
    expect(signalsIn('I want to ＫＩＬＬ  MYSELF', signals).map((s) => s.code)).toEqual(['suicide']);
    expect(signalsIn('今天考试没考好，有点难过', signals)).toEqual([]);
  });

  it('makes keys of 16 characters without look-alikes, read back whatever the dashes and case', () => {
    const key = newKey();
    expect(key).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(plainKey(` ${key.toLowerCase().replaceAll('-', ' ')} `)).toBe(key.replaceAll('-', ''));
  });
});

describe('tree hole', () => {
  it('shows the plugin’s notice first, saying the one limit of anonymity', async () => {
    const res = await writer.request('/api/tree-hole/notice');
    expect(res.status).toBe(200);
    const notice = await json(res);
    expect(notice.zh).toContain('主任');
    expect(notice.en).toContain('director');
    expect(notice.plugin.id).toBe('alpha');
    expect(notice.replyWithin.minutes).toBe(48 * 60);
    // A stale notice version is refused naming the field: the writer reads the current one first.
    const stale = await writer.request('/api/tree-hole/messages', {
      method: 'POST',
      body: { body: '你好', noticeVersion: 'old' },
    });
    expect(stale.status).toBe(400);
    expect((await json(stale)).errors[0].field).toBe('noticeVersion');
  });

  it('stores a message without the student: the center reads it and never who wrote it', async () => {
    const written = await write(writer, '最近宿舍关系很紧张，晚上睡不着。');
    expect(written.safety).toBe(false);
    expect(written.key).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const id = await idOf('最近宿舍关系很紧张');
    const res = await staff.request(`/api/tree-hole/messages/${id}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const me = t.world.schools.alpha;
    // Nothing of the writer: not their person id, student id, number or name.
    const studentRow = await json(await writer.request('/api/me/student'));
    for (const secret of [writerNumber, studentRow.name, me.colleges[0].classId])
      expect(text).not.toContain(secret);
    // The stored row has no student column at all.
    const columns = Object.keys(getTableColumns(treeHoleMessages));
    expect(columns.filter((c) => /student|person|author|writerId/i.test(c))).toEqual([]);
    expect(Object.keys(getTableColumns(treeHoleReplies))).not.toContain('studentId');
    // Only the center: a counsellor, another school's center, a student get 403 or 404.
    expect((await counsellor.request('/api/tree-hole/messages')).status).toBe(403);
    expect((await writer.request('/api/tree-hole/messages')).status).toBe(403);
    expect((await writer.request(`/api/tree-hole/messages/${id}`)).status).toBe(403);
    expect((await betaStaff.request(`/api/tree-hole/messages/${id}`)).status).toBe(404);
    expect(await inbox(betaStaff)).toEqual([]);
    // Not escalated: the writer is never revealed, not even to the director.
    const hidden = await director.request(`/api/tree-hole/messages/${id}/writer`);
    expect(hidden.status).toBe(404);
    expect((await json(hidden)).code).toBe('tree-hole.writer-not-revealed');
  });

  it('lists an unanswered message in the center’s My work; the reply takes it off', async () => {
    const id = await idOf('最近宿舍关系很紧张');
    const work = await json(await staff.request('/api/me/work'));
    const item = work.items.find((w: { id: string }) => w.id === id);
    expect(item).toMatchObject({ kind: 'tree_hole', selfHarm: false, student: null, overdue: false });
    expect(item.link).toBe(`/counselling-center?tab=tree-hole&message=${id}`);
    const replied = await staff.request(`/api/tree-hole/messages/${id}/replies`, {
      method: 'POST',
      body: { body: '谢谢你愿意说出来。可以试试和室友约个时间聊聊，也欢迎预约咨询。' },
    });
    expect(replied.status).toBe(201);
    const after = await json(await staff.request('/api/me/work'));
    expect(after.items.some((w: { id: string }) => w.id === id)).toBe(false);
    const thread = await json(await staff.request(`/api/tree-hole/messages/${id}`));
    expect(thread.posts).toMatchObject([{ fromCenter: true, authorName: expect.stringContaining('staff') }]);
    expect(thread.awaitingReply).toBe(false);
  });

  it('opens the thread once per key: the key read answers the reply and the next key; used or wrong keys are refused', async () => {
    const written = await write(writer, '我想问问怎么调整作息。');
    const id = await idOf('我想问问怎么调整作息');
    await staff.request(`/api/tree-hole/messages/${id}/replies`, {
      method: 'POST',
      body: { body: '可以先固定起床时间。' },
    });
    const res = await writer.request('/api/tree-hole/thread', {
      method: 'POST',
      body: { key: written.key.toLowerCase() },
    });
    expect(res.status).toBe(200);
    const thread = await json(res);
    expect(thread.body).toBe('我想问问怎么调整作息。');
    expect(thread.posts).toEqual([
      { fromCenter: true, body: '可以先固定起床时间。', createdAt: expect.any(String) },
    ]);
    expect(JSON.stringify(thread)).not.toContain('staff');
    expect(thread.nextKey).not.toBe(written.key);
    // The key is spent.
    const again = await writer.request('/api/tree-hole/thread', {
      method: 'POST',
      body: { key: written.key },
    });
    expect(again.status).toBe(403);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(again)).toMatchObject({
      code: 'tree-hole.key-refused',
      errors: [{ field: 'key', code: 'tree-hole.key-used' }],
    });
    // A wrong key.
    const wrong = await writer.request('/api/tree-hole/thread', {
      method: 'POST',
      body: { key: 'AAAA-BBBB-CCCC-DDDD' },
    });
    expect(wrong.status).toBe(403);
    expect((await json(wrong)).errors[0]).toMatchObject({ field: 'key', code: 'tree-hole.key-unknown' });
    // Another student holding the writer's next key opens nothing (and does not spend it).
    const stolen = await other.request('/api/tree-hole/thread', {
      method: 'POST',
      body: { key: thread.nextKey },
    });
    expect(stolen.status).toBe(403);
    expect((await json(stolen)).errors[0].code).toBe('tree-hole.key-unknown');
    // Staff cannot use a key either.
    expect(
      (await staff.request('/api/tree-hole/thread', { method: 'POST', body: { key: thread.nextKey } }))
        .status,
    ).toBe(403);
    // The next key opens only its own thread.
    const next = await json(
      await writer.request('/api/tree-hole/thread', { method: 'POST', body: { key: thread.nextKey } }),
    );
    expect(next.body).toBe('我想问问怎么调整作息。');
    // The writer writes again with the newest key: the thread waits for the center again.
    t.clock.advance(60_000);
    const more = await writer.request('/api/tree-hole/thread/posts', {
      method: 'POST',
      body: { key: next.nextKey, body: '好的，我试试。' },
    });
    expect(more.status).toBe(201);
    const moreBody = await json(more);
    expect(moreBody.safety).toBe(false);
    const staffView = await json(await staff.request(`/api/tree-hole/messages/${id}`));
    expect(staffView.awaitingReply).toBe(true);
    expect(staffView.posts.at(-1)).toMatchObject({
      fromCenter: false,
      authorName: null,
      body: '好的，我试试。',
    });
    // The center closes a conversation only once it has answered; then the writer reads it but writes no more.
    const early = await staff.request(`/api/tree-hole/messages/${id}/close`, { method: 'POST' });
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('tree-hole.awaiting-reply');
    t.clock.advance(60_000);
    await staff.request(`/api/tree-hole/messages/${id}/replies`, {
      method: 'POST',
      body: { body: '加油！' },
    });
    expect((await staff.request(`/api/tree-hole/messages/${id}/close`, { method: 'POST' })).status).toBe(204);
    expect((await json(await staff.request(`/api/tree-hole/messages/${id}`))).closedAt).not.toBeNull();
    expect((await inbox(staff)).at(-1)!.id).toBe(id);
    const refusedReply = await staff.request(`/api/tree-hole/messages/${id}/replies`, {
      method: 'POST',
      body: { body: '还有吗？' },
    });
    expect((await json(refusedReply)).code).toBe('tree-hole.closed');
    const closedPost = await writer.request('/api/tree-hole/thread/posts', {
      method: 'POST',
      body: { key: moreBody.key, body: '还想说一句' },
    });
    expect(closedPost.status).toBe(409);
    expect((await json(closedPost)).code).toBe('tree-hole.closed');
    // Refused before anything changed: the key still opens the thread, which says it is closed.
    const closedThread = await writer.request('/api/tree-hole/thread', {
      method: 'POST',
      body: { key: moreBody.key },
    });
    expect(closedThread.status).toBe(200);
    const closedBody = await json(closedThread);
    expect(closedBody.closed).toBe(true);
    expect(closedBody.posts.at(-1)).toMatchObject({ fromCenter: true, body: '加油！' });
  });

  it('escalates a safety phrase: urgent in My work, the center told, the writer shown to the director alone', async () => {
    const written = await write(writer, '我真的撑不下去了，有时候想死。');
    expect(written.safety).toBe(true);
    // The plugin's 30 minutes.
    expect(new Date(written.replyDueAt).getTime() - t.clock().getTime()).toBe(30 * 60_000);
    const messages = await inbox(staff);
    expect(messages[0]).toMatchObject({ escalated: true, awaitingReply: true });
    const id = messages[0]!.id;
    const work = await json(await staff.request('/api/me/work'));
    expect(work.items[0]).toMatchObject({ kind: 'tree_hole', id, selfHarm: true, student: null });
    const directorWork = await json(await director.request('/api/me/work'));
    expect(directorWork.items.some((w: { id: string; selfHarm: boolean }) => w.id === id && w.selfHarm)).toBe(
      true,
    );
    const told = await json(await staff.request('/api/notifications'));
    expect(told.items.some((n: { kind: string }) => n.kind === 'tree-hole.escalated')).toBe(true);
    // The staff's view still has no writer; staff may not ask who it is.
    const staffRead = await staff.request(`/api/tree-hole/messages/${id}`);
    expect(await staffRead.text()).not.toContain(writerNumber);
    expect((await staff.request(`/api/tree-hole/messages/${id}/writer`)).status).toBe(403);
    // The director sees the writer, and the reading is audited with the student.
    const shown = await director.request(`/api/tree-hole/messages/${id}/writer`);
    expect(shown.status).toBe(200);
    const revealed = await json(shown);
    expect(revealed).toMatchObject({ studentNumber: writerNumber });
    // The audit log: the center's reads and replies, the director's look with the student; nothing the student did
    // in the tree hole (a row naming them when a message arrives would undo the anonymity).
    const log = await json(await director.request('/api/audit/log?pageSize=200'));
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['tree_hole.inbox_read', 'tree_hole_message.read', 'tree_hole_message.replied']),
    );
    const look = log.items.find((e: { action: string }) => e.action === 'tree_hole_writer.read');
    expect(look).toMatchObject({ studentId: revealed.id, entityId: id, actor: { username: 'director' } });
    expect(
      log.items
        .filter((e: { actor: { username: string } | null }) => e.actor?.username.startsWith('student:'))
        .map((e: { action: string }) => e.action),
    ).not.toEqual(expect.arrayContaining([expect.stringMatching(/tree_hole/)]));
  });

  it('refuses the tree hole to staff as writers and to a school without rules', async () => {
    const res = await staff.request('/api/tree-hole/messages', {
      method: 'POST',
      body: { body: '测试', noticeVersion: '1' },
    });
    expect(res.status).toBe(403);
  });
});

describe('tree hole: RLS, not only the API', () => {
  const rowsAs = async (personId: string, capabilities: string[]) => {
    const scope = tenantScope({
      schoolId: t.world.schools.alpha.id,
      personId,
      fullScopePaths: capabilities.length ? ['/'] : [],
      reducedScopePaths: [],
      capabilities,
    });
    return withTenant(t.db, scope, async (tx) => ({
      messages: (await tx.select().from(treeHoleMessages)).length,
      replies: (await tx.select().from(treeHoleReplies)).length,
      keys: (await tx.select().from(treeHoleKeys)).length,
      writers: (await tx.select().from(treeHoleWriters)).length,
    }));
  };

  it('shows a student no thread without its key, the center no key and no writer, the director the writers only', async () => {
    const studentPerson = (await json(await writer.request('/api/auth/me'))).person.id;
    expect(await rowsAs(studentPerson, [])).toEqual({ messages: 0, replies: 0, keys: 0, writers: 0 });
    const staffRows = await rowsAs(t.world.schools.alpha.people.staff!, ['treehole.reply']);
    expect(staffRows.messages).toBeGreaterThan(0);
    expect(staffRows).toMatchObject({ keys: 0, writers: 0 });
    const directorRows = await rowsAs(t.world.schools.alpha.people.director!, [
      'treehole.reply',
      'treehole.identify',
    ]);
    expect(directorRows).toMatchObject({ keys: 0, writers: 1 });
    // Another school's center sees none of it.
    const beta = tenantScope({
      schoolId: t.world.schools.beta.id,
      personId: t.world.schools.beta.people.director!,
      fullScopePaths: ['/'],
      reducedScopePaths: [],
      capabilities: ['treehole.reply', 'treehole.identify'],
    });
    expect(
      await withTenant(t.db, beta, async (tx) => (await tx.select().from(treeHoleMessages)).length),
    ).toBe(0);
  });
});
