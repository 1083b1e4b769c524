import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind, notificationKinds, outboundText } from './kinds.ts';

const kinds = notificationKinds;

describe('notifications/outbound text', () => {
  it('says how many and by when, with a link, in Chinese first and English second', () => {
    expect(
      outboundText(
        'follow-ups.due',
        { count: 3, dueOn: '2026-12-09', tier: 1 },
        '/college-station/follow-ups',
      ),
    ).toEqual({
      subject:
        '心桥：3 条新的一级关注随访将于 12-09 到期 / Xinqiao: 3 new tier-1 follow-ups are due by 12-09',
      body:
        '3 条新的一级关注随访将于 12-09 到期。\n3 new tier-1 follow-ups are due by 12-09.\n\n' +
        '请登录心桥查看 / Sign in to Xinqiao to see it:\n/college-station/follow-ups',
    });
    expect(outboundText('case.assigned', { count: 1, dueOn: '2026-12-09' }, '/').subject).toBe(
      '心桥：1 个个案已分派给您，12-09 前处理 / Xinqiao: 1 case assigned to you, due by 12-09',
    );
  });

  it('is built from the counts and dates alone: changing them changes only digits', () => {
    for (const kind of kinds) {
      const a = outboundText(kind, { count: 2, dueOn: '2026-12-09', tier: 2 }, '/a');
      const b = outboundText(kind, { count: 7, dueOn: '2027-03-04', tier: 3 }, '/a');
      const letters = (text: string) => text.replace(/[0-9]/g, '#').replace(/[一二三四五]级/g, '#级');
      expect(letters(a.body), kind).toBe(letters(b.body));
    }
  });

  it('refuses anything but a count, a date and a tier, so a name cannot reach an e-mail or a group chat', () => {
    const attempts: unknown[] = [
      { count: '李雷' },
      { count: 1, dueOn: '李雷' },
      { count: 1, studentName: '李雷' },
      { count: 1, finding: 'PHQ-9 item 9' },
      { count: 1, dueOn: '2026-12-09 李雷' },
      { count: 1.5 },
      { count: 0 },
    ];
    for (const facts of attempts) {
      expect(() => outboundText('case.assigned', facts as never, '/'), JSON.stringify(facts)).toThrow();
    }
  });

  it('links only to a plain shell path: lower-case words and ids, never a name or a student number', () => {
    const id = '0b3c8a4e-5d7f-4a1b-9c2d-3e4f5a6b7c8d';
    for (const link of [
      '/',
      '/college-station/follow-ups',
      `/college-station/cases/${id}`,
      `/counselling-center/follow-ups?case=${id}`,
      '/college-station/follow-ups?responsible=none',
    ]) {
      expect(() => outboundText('case.assigned', { count: 1 }, link), link).not.toThrow();
    }
    for (const link of [
      '/students/李雷',
      '/students?name=李雷',
      '/students/20240101',
      '/students?number=20240101',
      'https://elsewhere.example/',
      '/Students',
      '/a b',
    ]) {
      expect(() => outboundText('case.assigned', { count: 1 }, link), link).toThrow(/plain shell path/);
    }
  });

  it('has a text for every kind in both languages', () => {
    for (const kind of Object.keys(NOTIFICATION_KINDS) as NotificationKind[]) {
      const { subject } = outboundText(kind, { count: 2 }, '/');
      expect(subject, kind).toMatch(/^心桥：\p{Script=Han}*.* \/ Xinqiao: [A-Z0-9]/u);
    }
  });
});
