import { describe, expect, it } from 'vitest';
import { endOfChinaDay } from './due.ts';
import type { WorkItem } from './types.ts';
import { byUrgency } from './urgency.ts';

const item = (id: string, over: Partial<WorkItem> = {}): WorkItem => ({
  kind: 'follow_up',
  id,
  title: { zh: id, en: id },
  student: null,
  dueAt: null,
  dueOn: null,
  overdue: false,
  selfHarm: false,
  isNew: false,
  reasons: [],
  decision: null,
  link: '/',
  ...over,
});

describe('work/urgency', () => {
  it('puts self-harm first, then overdue, then the soonest deadline, undated last', () => {
    const items = [
      item('later', { dueAt: endOfChinaDay('2025-03-10') }),
      item('undated'),
      item('overdue', { overdue: true, dueAt: endOfChinaDay('2025-03-01') }),
      item('self-harm, due late', { selfHarm: true, dueAt: endOfChinaDay('2025-03-20') }),
      item('sooner', { dueAt: endOfChinaDay('2025-03-05') }),
      item('self-harm, overdue', { selfHarm: true, overdue: true, dueAt: endOfChinaDay('2025-03-02') }),
    ];
    expect(items.sort(byUrgency).map((i) => i.id)).toEqual([
      'self-harm, overdue',
      'self-harm, due late',
      'overdue',
      'sooner',
      'later',
      'undated',
    ]);
  });

  it('orders equal deadlines by kind, then id', () => {
    const due = endOfChinaDay('2025-03-05');
    const items = [
      item('b', { kind: 'unassigned', dueAt: due }),
      item('z', { dueAt: due }),
      item('a', { dueAt: due }),
    ];
    expect(items.sort(byUrgency).map((i) => i.id)).toEqual(['a', 'z', 'b']);
  });

  it('ends a due date at midnight China time', () => {
    expect(endOfChinaDay('2025-03-06').toISOString()).toBe('2025-03-06T16:00:00.000Z');
    expect(endOfChinaDay('2025-12-31').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
