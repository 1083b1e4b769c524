import { i18n, type Texts } from '@xinqiao/web-kit';

const zh = {
  ccTreeHole: {
    title: '树洞',
    lead: '学生匿名写给中心的留言：看不到是谁写的。待回复的在前，含安全信号（已升级）的最前。',
    empty: '还没有树洞留言。',
    escalated: '已升级：含安全信号',
    awaiting: '待回复',
    answered: '已回复',
    overdue: '已超时',
    due: '回复期限 {at}',
    written: '写于 {at}',
    posts: '{n} 条往来',
    pick: '选择一条留言查看和回复。',
    student: '学生（匿名）',
    center: '中心',
    reply: '回复',
    replyHint: '写给这位同学的回复（学生凭查看码阅读，不显示你的姓名）',
    send: '发送回复',
    sent: '已回复',
    decidedBy: '判定依据：{plugin} 插件 {version} 版（{rules}）',
    identify: '查看留言人（仅中心主任）',
    identifyConfirm: '按照学校插件，含安全信号的留言可向中心主任显示留言人。查看将记入审计日志。确定查看吗？',
    identifyTitle: '查看留言人',
    identifyOk: '查看',
    identifyCancel: '取消',
    writer: '留言人：{name}（{number}），{college} {klass}',
    openFile: '打开学生档案',
    openCrisis: '启动危机干预',
    close: '结束对话',
    closed: '已结束',
    closedHint: '对话已结束：学生仍可凭查看码查看，不能再写。',
    noticeShown: '学生写信前看到的告知',
  },
} as const;

/** The same keys in English (the type holds them to zh-CN's). */
const en: Texts<typeof zh> = {
  ccTreeHole: {
    title: 'Tree hole',
    lead: 'Messages students write anonymously to the center: who wrote them is not shown. Awaiting a reply first, escalated (a safety signal) first of all.',
    empty: 'No tree-hole messages yet.',
    escalated: 'Escalated: safety signal',
    awaiting: 'Awaiting a reply',
    answered: 'Answered',
    overdue: 'Overdue',
    due: 'Reply by {at}',
    written: 'Written {at}',
    posts: '{n} posts',
    pick: 'Pick a message to read and answer it.',
    student: 'Student (anonymous)',
    center: 'Center',
    reply: 'Reply',
    replyHint: 'Your reply to this student (read with their key; your name is not shown to them)',
    send: 'Send the reply',
    sent: 'Replied',
    decidedBy: 'Decided by the {plugin} plugin, version {version} ({rules})',
    identify: 'See who wrote it (the director only)',
    identifyConfirm:
      'The school’s plugin lets the center director see who wrote a message with a safety signal. Seeing it is recorded in the audit log. Go on?',
    identifyTitle: 'See the writer',
    identifyOk: 'See',
    identifyCancel: 'Cancel',
    writer: 'Written by {name} ({number}), {college} {klass}',
    openFile: 'Open the student’s file',
    openCrisis: 'Open a crisis',
    close: 'Close the conversation',
    closed: 'Closed',
    closedHint: 'Closed: the student can still read it with a key, not write to it.',
    noticeShown: 'What students read before writing',
  },
};

/** The center's tree-hole tab (树洞), zh-CN first; merged into the page's one i18n instance under `ccTreeHole`. */
export const treeHoleMessages = { 'zh-CN': zh, en };

/** Merges the texts into the page's i18n (idempotent). */
export function installTreeHoleMessages(): void {
  for (const [locale, texts] of Object.entries(treeHoleMessages)) {
    (i18n.global.mergeLocaleMessage as (locale: string, message: unknown) => void)(locale, texts);
  }
}
