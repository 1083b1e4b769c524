import type { CataloguePart } from '../catalogue.ts';

/** 预警、数据接入与接口的文本（中文）。 */
export const warnings = {
  problems: {
    'warnings.not-found': { title: '未找到预警', detail: '该预警不存在，或你无权查看。' },
    'warnings.not-open': { title: '预警已结束', detail: '该预警已解除或已关闭。' },
    'warnings.not-academic': {
      title: '不是学业预警',
      detail: '学业提升计划书只属于学业预警（黄牌或红牌）。',
    },
    'warnings.no-plugin': {
      title: '没有预警规则',
      detail: ({ school }) => `学校 ${school} 的政策插件没有预警（early-warning）规则。`,
    },
    'integration.token-required': {
      title: '需要接口令牌',
      detail: '请以 “Authorization: Bearer <令牌>” 发送接口令牌。',
    },
    'integration.token-invalid': { title: '接口令牌无效', detail: '接口令牌不存在或已吊销。' },
    'integration.feed-not-allowed': {
      title: '无权写入该数据',
      detail: ({ feed }) => `该接口令牌不能写入 ${feed} 数据。`,
    },
    'integration.rate-limited': {
      title: '请求过多',
      detail: ({ retryAfterSeconds }) => `该令牌请求过多，请 ${retryAfterSeconds} 秒后再试。`,
    },
    'integration.token-not-found': { title: '未找到令牌', detail: '本校没有这个接口令牌。' },
  },
  messages: {
    'feeds.no-such-student': ({ studentNumber }) => `本校没有学号为 ${studentNumber} 的学生`,
    'feeds.grade-outside-scale': ({ grade, allowed }) =>
      `成绩“${grade}”不在学校的等级制内（${allowed.join('、')}）`,
    'feeds.score-or-grade': '请填写分数（0–100）或等级成绩',
    'feeds.future-time': '时间晚于现在',
    'feeds.row-repeated': ({ first }) => `与第 ${first} 行重复`,
    'feeds.too-many-rows': ({ max }) => `每批最多 ${max} 行`,
  },
} satisfies CataloguePart;
