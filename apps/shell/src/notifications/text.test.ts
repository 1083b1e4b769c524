import { i18n, setLocale } from '@xinqiao/web-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationText, shownWhen, type Translate } from './text.ts';

const t: Translate = (key, params) => i18n.global.t(key, params ?? {});

describe('notifications/text', () => {
  afterEach(() => setLocale('zh-CN'));

  it('says each kind in Chinese, with its deadline', () => {
    setLocale('zh-CN');
    expect(
      notificationText(t, {
        kind: 'case.assigned',
        params: { caseKind: 'follow_up', dueDate: '2026-12-09' },
      }),
    ).toBe('筛查随访已分派给您 · 期限 2026-12-09');
    expect(notificationText(t, { kind: 'cases.unassigned', params: { count: 3 } })).toBe('3 个个案等待分派');
    expect(
      notificationText(t, {
        kind: 'concern.reported',
        params: { urgency: 'urgent', selfHarm: 1, dueAt: '2026-12-09T07:15:00.000Z' },
      }),
    ).toBe('收到一条涉及自伤风险的关注报告，请立即处理 · 期限 2026-12-09 15:15');
    expect(notificationText(t, { kind: 'concern.status', params: { status: 'closed' } })).toBe(
      '您提交的关注报告：已关闭',
    );
    expect(
      notificationText(t, { kind: 'follow-ups.due', params: { count: 3, tier: 1, dueOn: '2026-12-09' } }),
    ).toBe('3 条新的一级关注随访待处理 · 期限 2026-12-09');
  });

  it('says them in English when the reader chose English', () => {
    setLocale('en');
    expect(notificationText(t, { kind: 'case.assigned', params: { caseKind: 'crisis', dueDate: '' } })).toBe(
      'A crisis case was assigned to you',
    );
    expect(
      notificationText(t, { kind: 'concern.reported', params: { urgency: 'routine', selfHarm: 0 } }),
    ).toBe('A concern report came in: please triage it');
  });

  it('reads a kind it does not know as a new notification rather than nothing', () => {
    setLocale('zh-CN');
    expect(notificationText(t, { kind: 'crisis.opened', params: {} })).toBe('新通知');
  });

  it('shows a moment to the minute in China time and a date as it is', () => {
    expect(shownWhen('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(shownWhen('2026-12-09')).toBe('2026-12-09');
    expect(shownWhen('not a date')).toBe('');
  });
});
