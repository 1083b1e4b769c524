import { randomUUID } from 'node:crypto';
import { roleAssignments, type TenantTx, treeHoleMessages, treeHoleReplies } from '@xinqiao/db';
import { asc, eq } from 'drizzle-orm';

const DAY = 86_400_000;

/** What the demo's tree hole holds: a few everyday worries the center has already answered (none waits in My work). */
const DEMO_THREADS = [
  {
    daysAgo: 6,
    body: '期中考试没考好，感觉自己怎么努力都比不上别人，晚上经常睡不着。',
    reply:
      '谢谢你愿意写下来。一次考试不能说明你的全部，睡不着的时候可以试试中心公众号里的放松练习；如果愿意，也可以预约一次咨询，我们一起看看学习和休息怎么安排。',
  },
  {
    daysAgo: 4,
    body: '和室友因为作息问题闹得很僵，每天回宿舍都很压抑，不知道该怎么开口。',
    reply:
      '宿舍里的矛盾很常见，先把自己的感受和需要说清楚往往比争对错更有用。可以约室友在宿舍外找个轻松的时间聊聊；需要的话，辅导员和中心老师也可以帮忙。',
  },
  {
    daysAgo: 2,
    body: '第一次离家这么远，特别想家，周末一个人的时候会莫名难过。',
    reply:
      '想家是很自然的感受，说明你和家人感情很好。可以和家人约好固定的视频时间，也试试参加学院或社团的周末活动；这种难过一般会慢慢好起来，如果持续很久，欢迎来中心聊聊。',
  },
];

/**
 * The demo's tree hole (情绪树洞): three anonymous messages of the last week, each answered by the center's staff
 * member, so the center's 树洞 tab is not empty. No writer and no key: nobody can open these threads as a student.
 * Needs the capability `treehole.reply` on the seeding transaction (RLS).
 */
export async function seedDemoTreeHoleFor(tx: TenantTx, schoolId: string, pluginId: string, now: Date) {
  const [staff] = await tx
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, 'center_staff'))
    .orderBy(asc(roleAssignments.createdAt))
    .limit(1);
  if (!staff) return;
  for (const thread of DEMO_THREADS) {
    const id = randomUUID();
    const written = new Date(now.getTime() - thread.daysAgo * DAY);
    const answered = new Date(written.getTime() + 5 * 3_600_000);
    await tx.insert(treeHoleMessages).values({
      id,
      schoolId,
      body: thread.body,
      noticeVersion: '3',
      replyDueAt: new Date(written.getTime() + 2 * DAY),
      ruleNames: ['routine-reply-within-48-hours'],
      pluginId,
      pluginVersion: 'demo',
      createdAt: written,
      lastWriterPostAt: written,
      answeredAt: answered,
    });
    await tx.insert(treeHoleReplies).values({
      schoolId,
      messageId: id,
      fromCenter: true,
      authorId: staff.personId,
      body: thread.reply,
      createdAt: answered,
    });
  }
}
