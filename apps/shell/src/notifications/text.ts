import type { Schemas } from '@xinqiao/web-kit';

/** One in-app notification, as `GET /api/notifications` answers it. */
export type Notification = Schemas['Notification'];

/** vue-i18n's `t`, as far as these texts need it. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

const CHINA = 'Asia/Shanghai';
const CASE_KINDS = new Set(['follow_up', 'crisis', 'support']);
const CONCERN_STATUSES = new Set(['received', 'handling', 'closed']);

/**
 * A date ('YYYY-MM-DD', shown as it is) or a moment (ISO, shown to the minute in China time, where the schools are).
 *
 * @example
 * shownWhen('2026-12-09T07:15:00Z'); // '2026-12-09 15:15'
 */
export function shownWhen(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CHINA,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'number' ? value : 1);

/** The sentence of a notification, without its deadline. */
function sentence(t: Translate, kind: string, p: Notification['params']): string {
  switch (kind) {
    case 'case.assigned': {
      const caseKind = CASE_KINDS.has(text(p.caseKind)) ? text(p.caseKind) : 'other';
      return t('notifications.kinds.case_assigned', { caseKind: t(`notifications.caseKinds.${caseKind}`) });
    }
    case 'concern.reported': {
      const variant = p.selfHarm === 1 ? '_self_harm' : p.urgency === 'urgent' ? '_urgent' : '';
      return t(`notifications.kinds.concern_reported${variant}`);
    }
    case 'concern.status': {
      const status = CONCERN_STATUSES.has(text(p.status)) ? text(p.status) : 'received';
      return t('notifications.kinds.concern_status', {
        status: t(`notifications.concernStatuses.${status}`),
      });
    }
    case 'follow-ups.due': {
      const tier =
        typeof p.tier === 'number' && p.tier >= 1 && p.tier <= 5 ? t(`notifications.tiers.${p.tier}`) : '';
      return t('notifications.kinds.follow_ups_due', { count: count(p.count), tier });
    }
    case 'cases.unassigned':
    case 'concern.urgent':
    case 'key-students.talks-due':
    case 'support.list-confirmed':
    case 'support.helper-named':
    case 'support.proposed':
    case 'notifications.test':
    case 'warnings.raised':
    case 'warnings.lost-contact':
    case 'screening.safety':
    case 'screening.reminder':
    case 'tree-hole.escalated':
      return t(`notifications.kinds.${kind.replace(/[.-]/g, '_')}`, { count: count(p.count) });
    default:
      return t('notifications.kinds.unknown');
  }
}

/**
 * What a notification says, in the reader's language, from its kind and params: the kind's sentence and, when it
 * has one, its deadline. An unknown kind (from a newer API) reads "new notification" rather than nothing.
 *
 * @example
 * notificationText(t, { kind: 'case.assigned', params: { caseKind: 'follow_up', dueDate: '2026-12-09' } });
 * // '筛查随访已分派给您 · 期限 2026-12-09'
 */
export function notificationText(t: Translate, n: Pick<Notification, 'kind' | 'params'>): string {
  const due = shownWhen(text(n.params.dueDate) || text(n.params.dueOn) || text(n.params.dueAt));
  const said = sentence(t, n.kind, n.params);
  return due ? `${said} · ${t('notifications.due', { due })}` : said;
}
