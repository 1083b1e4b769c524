import { z } from 'zod';

/**
 * The facts an outbound message may carry, and nothing else: how many, when due, which tier (PIPL art. 28: e-mail
 * and group chats leave the platform, so they never carry a name, a student number or a finding). Checked strictly
 * at run time too: a string where a count belongs, or any other key, is refused before anything is written.
 */
export const OutboundFacts = z
  .object({
    count: z.number().int().min(1).max(100_000),
    /** The date the work is due, 'YYYY-MM-DD' (shown as 'MM-DD'). */
    dueOn: z.iso.date().optional(),
    /** An attention tier by its number (1 is the most urgent). */
    tier: z.number().int().min(1).max(5).optional(),
  })
  .strict();
export type OutboundFacts = z.infer<typeof OutboundFacts>;

/** The two sentences of an outbound message, built from the facts alone. */
interface OutboundTemplate {
  zh(facts: OutboundFacts): string;
  en(facts: OutboundFacts): string;
}

const monthDay = (date: string) => date.slice(5);
const TIER_ZH = ['', '一级', '二级', '三级', '四级', '五级'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const dueZh = (f: OutboundFacts, verb = '前处理') => (f.dueOn ? `，${monthDay(f.dueOn)} ${verb}` : '');
const dueEn = (f: OutboundFacts, words = 'due by') => (f.dueOn ? `, ${words} ${monthDay(f.dueOn)}` : '');

/**
 * Every kind of notification, and the outbound text of each: the in-app list renders a kind from its params in
 * the reader's language (the shell's `notifications.kinds`); e-mail and group robots get these sentences, which
 * see only {@link OutboundFacts}. A new kind is a line here and a text in the shell.
 */
export const NOTIFICATION_KINDS = {
  /** A case (a follow-up, crisis or support case) was assigned to the recipient. */
  'case.assigned': {
    zh: (f) => `${f.count} 个个案已分派给您${dueZh(f)}`,
    en: (f) => `${plural(f.count, 'case')} assigned to you${dueEn(f)}`,
  },
  /** Cases in the recipient's subtree wait for someone to be assigned. */
  'cases.unassigned': {
    zh: (f) => `${f.count} 个个案等待分派`,
    en: (f) => `${plural(f.count, 'case')} ${f.count === 1 ? 'waits' : 'wait'} to be assigned`,
  },
  /** Concern reports about the recipient's students wait to be triaged. */
  'concern.reported': {
    zh: (f) => `收到 ${f.count} 条关注报告${dueZh(f, '前分诊')}`,
    en: (f) => `${plural(f.count, 'concern report')} received${dueEn(f, 'to triage by')}`,
  },
  /** A concern report the recipient filed moved on (received, being handled, closed). */
  'concern.status': {
    zh: (f) => `您提交的 ${f.count} 条关注报告有新的处理状态`,
    en: (f) =>
      `${plural(f.count, 'concern report')} you filed ${f.count === 1 ? 'has' : 'have'} a new status`,
  },
  /** An urgent concern report: act at once. */
  'concern.urgent': {
    zh: (f) => `${f.count} 条紧急关注报告，请立即处理`,
    en: (f) => `${plural(f.count, 'urgent concern report')}: please act now`,
  },
  /** A crisis was opened about a student of the recipient's: the protocol names them for a step. */
  'crisis.opened': {
    zh: (f) => `${f.count} 起心理危机事件已启动处置流程，请立即登录处理`,
    en: (f) => `${plural(f.count, 'crisis', 'crises')} opened: please sign in and act now`,
  },
  /** A step of a crisis ran past its deadline; the recipient is whom the protocol escalates it to. */
  'crisis.step-late': {
    zh: (f) => `${f.count} 个心理危机处置步骤已超时，请立即跟进`,
    en: (f) => `${plural(f.count, 'crisis step')} ${f.count === 1 ? 'is' : 'are'} late: please follow up now`,
  },
  /** A closed crisis's review meeting falls due. */
  'crisis.review-due': {
    zh: (f) => `${f.count} 起心理危机事件待召开复盘会${dueZh(f, '前召开')}`,
    en: (f) => `${plural(f.count, 'crisis review')} to hold${dueEn(f, 'by')}`,
  },
  /** Follow-ups of a tier fall due. */
  'follow-ups.due': {
    zh: (f) =>
      `${f.count} 条新的${f.tier ? TIER_ZH[f.tier] : ''}关注随访${f.dueOn ? `将于 ${monthDay(f.dueOn)} 到期` : '待处理'}`,
    en: (f) =>
      `${f.count} new ${f.tier ? `tier-${f.tier} ` : ''}follow-up${f.count === 1 ? ' is' : 's are'} ${f.dueOn ? `due by ${monthDay(f.dueOn)}` : 'waiting'}`,
  },
  /** Talks with key students fall due. */
  'key-students.talks-due': {
    zh: (f) => `${f.count} 名重点关注学生的谈话${f.dueOn ? `将于 ${monthDay(f.dueOn)} 到期` : '已到期'}`,
    en: (f) =>
      `Talks with ${plural(f.count, 'key student')} ${f.dueOn ? `are due by ${monthDay(f.dueOn)}` : 'are due'}`,
  },
  /** New early warnings (academic, crisis signs, spending) about the recipient's students. */
  'warnings.raised': {
    zh: (f) => `${f.count} 条新的学生预警${dueZh(f)}`,
    en: (f) => `${plural(f.count, 'new student warning')}${dueEn(f)}`,
  },
  /** Students without any campus activity beyond the school's lost-contact limit: act at once. */
  'warnings.lost-contact': {
    zh: (f) => `${f.count} 名学生疑似失联，请立即核实去向`,
    en: (f) => `${plural(f.count, 'student')} may have lost contact: please locate them now`,
  },
  /** A class's support list was confirmed: its students need plans (the counsellor and the head teacher). */
  'support.list-confirmed': {
    zh: (f) => `班级帮扶名单已确认，${f.count} 名学生需制定帮扶方案${dueZh(f, '前完成')}`,
    en: (f) => `A support list was confirmed: ${plural(f.count, 'student')} need a plan${dueEn(f, 'by')}`,
  },
  /** A record made during the term (a sanction, hardship, failed courses) put a student on the class's support list. */
  'support.proposed': {
    zh: (f) => `${f.count} 名学生因新登记的情况符合帮扶条件，请在帮扶名单中确认`,
    en: (f) =>
      `${plural(f.count, 'student')} now meet the support criteria: please confirm them on the support list`,
  },
  /** The recipient was named responsible person (帮扶责任人) for a student. */
  'support.helper-named': {
    zh: (f) => `您被指定为 ${f.count} 名学生的帮扶责任人，请制定帮扶方案${dueZh(f, '前完成')}`,
    en: (f) =>
      `You were named responsible for ${plural(f.count, 'student')}: please write the plan${dueEn(f, 'by')}`,
  },
  /** A student gave a safety answer in an online screening (UPI 25, PHQ-9 item 9, SCL-90 15…): act now. */
  'screening.safety': {
    zh: (f) => `${f.count} 名学生在线上心理测评中作出安全相关作答，请立即联系`,
    en: (f) => `${plural(f.count, 'student')} gave a safety answer in an online screening: please act now`,
  },
  /** A tree-hole message carries a safety signal and the school's plugin escalates it: the center acts now. */
  'tree-hole.escalated': {
    zh: (f) => `${f.count} 条树洞留言含安全信号，请立即处理`,
    en: (f) => `${plural(f.count, 'tree-hole message')} with a safety signal: please act now`,
  },
  /** A student is reminded of a screening wave open for them (in-app). */
  'screening.reminder': {
    zh: (f) => `你有 ${f.count} 项心理测评待完成`,
    en: (f) => `${plural(f.count, 'screening')} waiting for you`,
  },
  /** The school admin's test of a channel. */
  'notifications.test': {
    zh: () => '这是心桥的测试消息，通知渠道已接通',
    en: () => 'This is a test message from Xinqiao: the channel works',
  },
} as const satisfies Record<string, OutboundTemplate>;

/** A kind of notification: `case.assigned`, `concern.reported`… */
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** Every kind, for the API's schema. */
export const notificationKinds = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const WORD = '[a-z][a-z-]*';
/**
 * The shell paths an outbound message may link to: lower-case words and ids, with a query of the same. A name, a
 * student number or any other free text cannot pass (digits only inside an id, no other letters than a–z).
 */
export const OUTBOUND_LINK = new RegExp(
  `^/((${WORD}|${UUID})(/(${WORD}|${UUID}))*/?)?(\\?${WORD}=(${WORD}|${UUID})(&${WORD}=(${WORD}|${UUID}))*)?$`,
);

/** The subject and body of an outbound message; the body's last line is the link, a shell path. */
export interface OutboundText {
  subject: string;
  body: string;
}

/**
 * The outbound text of a notification: its kind's two sentences from the checked facts and the link, in Chinese
 * first, then English. Throws when the facts are not counts and dates or the link is not a plain shell path: a
 * programming error, which rolls the event's transaction back rather than send what must not leave.
 *
 * @example
 * outboundText('follow-ups.due', { count: 3, dueOn: '2026-12-09', tier: 1 }, '/college-station/follow-ups');
 * // subject '心桥：3 条新的一级关注随访将于 12-09 到期 / Xinqiao: 3 new tier-1 follow-ups are due by 12-09'
 */
export function outboundText(kind: NotificationKind, facts: OutboundFacts, link: string): OutboundText {
  const checked = OutboundFacts.parse(facts);
  if (!OUTBOUND_LINK.test(link))
    throw new Error(`outbound link must be a plain shell path, not ${JSON.stringify(link)}`);
  const template: OutboundTemplate = NOTIFICATION_KINDS[kind];
  const zh = template.zh(checked);
  const en = template.en(checked);
  return {
    subject: `心桥：${zh} / Xinqiao: ${en}`,
    body: `${zh}。\n${en}.\n\n请登录心桥查看 / Sign in to Xinqiao to see it:\n${link}`,
  };
}
