import { describe, expect, it } from 'vitest';
import { messageParityProblems } from './parity.ts';

describe('messageParityProblems', () => {
  const zhCN = { title: '待办', list: { count: '共 {count} 项', by: '{name} 于 {day}' } };

  it('finds nothing when both languages have every key, placeholder and text', () => {
    const en = { title: 'My work', list: { count: '{count} items', by: 'On {day} by {name}' } };
    expect(messageParityProblems(zhCN, en)).toEqual([]);
  });

  it('names a key missing in either language', () => {
    const en = { title: 'My work', list: { count: '{count} items', extra: 'Only in English' } };
    expect(messageParityProblems(zhCN, en)).toEqual([
      'list.by: missing in en',
      'list.extra: missing in zh-CN',
    ]);
  });

  it('names a text whose placeholders differ, and an empty one', () => {
    const en = { title: ' ', list: { count: '{n} items', by: 'On {day} by {name}' } };
    expect(messageParityProblems(zhCN, en)).toEqual([
      'title: empty in en',
      'list.count: placeholders {count} in zh-CN, {n} in en',
    ]);
  });
});
