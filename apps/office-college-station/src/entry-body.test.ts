import { describe, expect, it } from 'vitest';
import { entryText } from './entry-body.ts';

const zh: Record<string, string> = { open: '待处理', in_progress: '处理中', closed: '已结案' };
const label = (status: string) => zh[status];

describe('entryText', () => {
  it('names both statuses of a status change in words, not codes', () => {
    expect(entryText({ kind: 'status_change', body: 'open → in_progress' }, label)).toBe('待处理 → 处理中');
    expect(entryText({ kind: 'status_change', body: 'in_progress → closed' }, label)).toBe('处理中 → 已结案');
  });

  it('shows other entries, and a change it cannot read, as written', () => {
    expect(entryText({ kind: 'interview', body: 'open → in_progress' }, label)).toBe('open → in_progress');
    expect(entryText({ kind: 'status_change', body: '改为处理中' }, label)).toBe('改为处理中');
    expect(entryText({ kind: 'status_change', body: 'open → paused' }, label)).toBe('open → paused');
  });
});
