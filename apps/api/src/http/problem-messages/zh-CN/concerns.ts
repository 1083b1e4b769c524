import type { CataloguePart } from '../catalogue.ts';

/** The texts of concern reports, in simplified Chinese. */
export const concerns = {
  problems: {
    'concerns.not-found': { title: '未找到关注报告', detail: '该关注报告不存在，或你无权查看。' },
    'concerns.no-signs-policy': {
      title: '学校未设置观察清单',
      detail: ({ school }) =>
        `学校 ${school} 的策略插件没有关注报告的观察清单（concern-signs），暂不能报告关注。`,
    },
    'concerns.already-triaged': {
      title: '报告已处理',
      detail: '该关注报告已经处理过，不能再次处理。',
    },
  },
  messages: {
    'concerns.unknown-sign': ({ code }) => `观察清单中没有“${code}”这一项`,
    'concerns.nothing-observed': '请至少勾选一项观察到的表现，或写下情况说明',
    'concerns.reason-required': '关闭报告须写明原因',
    'concerns.case-required': '请选择要并入的个案',
    'concerns.case-of-another-student': '该个案不存在、无权查看，或不是这名学生的个案',
    'concerns.case-closed': '该个案已结案，不能并入',
    'concerns.due-date-required': '建立个案须给出截止日期',
  },
} satisfies CataloguePart;
