import type { CataloguePart } from '../catalogue.ts';

const waveStatuses: Record<string, string> = {
  planned: '未开放',
  open: '进行中',
  closed: '已关闭',
  cancelled: '已取消',
};
const status = (s: string) => waveStatuses[s] ?? s;

/** The texts of screening waves, imports, results and the working calendar, in simplified Chinese. */
export const screening = {
  problems: {
    'screening.wave-not-found': { title: '未找到筛查批次', detail: '没有这个筛查批次。' },
    'screening.wave-exists': {
      title: '筛查批次已存在',
      detail: ({ name }) => `本学年已有同名同量表的批次“${name}”。`,
    },
    'screening.wave-status-transition': {
      title: '批次状态不能这样修改',
      detail: ({ from, to }) => `批次状态不能从“${status(from)}”改为“${status(to)}”。`,
    },
    'screening.wave-not-open': {
      title: '筛查批次未开放',
      detail: ({ wave }) => `筛查批次“${wave}”未开放，请先开放再导入。`,
    },
    'screening.wave-cancelled': {
      title: '筛查批次已取消',
      detail: ({ wave }) => `筛查批次“${wave}”已取消，不能再导入或修改。`,
    },
    'screening.wave-has-results': {
      title: '批次已有筛查结果',
      detail: ({ wave, results }) =>
        `筛查批次“${wave}”已有 ${results} 条结果：不能取消，也不能改动起止日期（可以关闭批次或只改名称）。`,
    },
    'screening.wave-import-running': {
      title: '批次正在导入',
      detail: ({ wave }) => `筛查批次“${wave}”有导入正在进行，请等导入结束后再取消。`,
    },
    'screening.no-tier-rules': {
      title: '缺少关注等级规则',
      detail: '本校没有启用含关注等级规则的策略插件，无法导入筛查结果。',
    },
    'screening.import-not-found': { title: '未找到导入记录', detail: '没有这次导入。' },
    'screening.result-not-found': { title: '未找到筛查结果', detail: '没有这条筛查结果，或你无权查看。' },
    'screening.calendar-edit-not-found': {
      title: '未找到日历调整',
      detail: ({ date }) => `学校没有调整过 ${date}。`,
    },
  },
  messages: {
    'screening.instrument': '量表应为 UPI、PHQ-9、GAD-7 或 SCL-90',
    'screening.cohort': '对象应为 all、freshmen、graduating 或入学年份',
    'screening.date-format': '日期格式应为 YYYY-MM-DD',
    'screening.closes-before-opens': '结束日期不能早于开始日期',
    'screening.calendar-year-range': '年份应在 2000–2100 之间',
    'screening.calendar-date': '应为 2000–2100 年间的真实日期 YYYY-MM-DD',
    'screening.calendar-working': '请选择上班或休息',
    'screening.no-such-wave': '没有这个筛查批次',
    'screening.wave-not-open': ({ wave }) => `筛查批次“${wave}”未开放，不能导入`,
    'screening.wave-cancelled': ({ wave }) => `筛查批次“${wave}”已取消，不能导入`,
    'screening.unsupported-instrument': ({ instrument }) => `不支持的量表 ${instrument}`,
    'screening.no-tier-rules': '本校策略插件没有关注等级规则（tier-thresholds）',
    'screening.tier-rules-miss-instrument': ({ plugin, version, instrument }) =>
      `本校策略插件（${plugin} ${version}）的关注等级规则不覆盖量表 ${instrument}`,
    'screening.import-server-error': '导入中断：服务器出错，已保存的批次保留，重新导入同一文件即可补齐',
    'screening.import-starter-gone': '发起导入的账号已停用或已不属于心理健康教育中心，导入未完成',
    'screening.import-gave-up': ({ reason }) =>
      `导入多次中断后停止（${reason}）：已保存的批次保留，重新导入同一文件即可补齐`,
    'screening.import-orphaned':
      '导入因服务器停止而中断，且没有任务继续：已保存的批次保留，重新导入同一文件即可补齐',
    'screening.stored-reason': ({ text }) => text,
    'screening.student-number-missing': '缺少学号',
    'screening.yes-or-no': ({ value }) => `“${value}”不是“是”或“否”`,
    'screening.submission-time': ({ value }) =>
      `“${value}”不是有效时间（应为 2025-03-01 或 2025-03-01 14:30）`,
    'screening.answers-invalid': ({ zh }) => zh,
    'screening.number-repeated': ({ studentNumber, first }) =>
      `学号 ${studentNumber} 已在第 ${first} 行出现，每名学生只导入第一行`,
    'screening.no-tier-for-result': ({ error }) => `本校规则没有为这一结果给出关注等级（${error}）`,
    'screening.no-such-student-number': ({ studentNumber }) =>
      `没有学号为 ${studentNumber} 的学生（或不在你的管理范围内）`,
    'screening.name-mismatch': ({ name, studentNumber }) => `姓名“${name}”与学号 ${studentNumber} 的学生不符`,
  },
} satisfies CataloguePart;
