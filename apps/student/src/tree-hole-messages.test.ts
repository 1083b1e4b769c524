import { describe, expect, it } from 'vitest';
import { treeHoleMessages } from './tree-hole-messages.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('student/tree-hole-messages', () => {
  it('has every zh-CN text in English too', () => {
    expect(keys(treeHoleMessages.en).sort()).toEqual(keys(treeHoleMessages['zh-CN']).sort());
  });
});
