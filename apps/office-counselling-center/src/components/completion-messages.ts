import { i18n } from '@xinqiao/web-kit';

/** The completion card's texts (完成情况), zh-CN first; merged into the page's one i18n instance under `ccDone`. */
export const completionMessages = {
  'zh-CN': {
    ccDone: {
      unit: '学院 / 班级',
      students: '应参加',
      submitted: '已提交',
      inProgress: '作答中',
      consented: '已同意未开始',
      declined: '已拒绝',
      notOpened: '未打开',
      share: '提交率',
      hidden: '—',
      hiddenNote: '“作答中”只有可查看作答的中心人员能看到，其余人员看到的“已同意未开始”含作答中的学生。',
      live: '进行中的批次每 30 秒自动刷新',
      updated: '更新于 {time}',
      total: '合计',
    },
  },
  en: {
    ccDone: {
      unit: 'College / class',
      students: 'Students',
      submitted: 'Submitted',
      inProgress: 'In progress',
      consented: 'Consented, not started',
      declined: 'Declined',
      notOpened: 'Not opened',
      share: 'Submitted share',
      hidden: '—',
      hiddenNote:
        'Only center staff who may read answers see “in progress”; for others “consented, not started” includes them.',
      live: 'An open wave refreshes every 30 seconds',
      updated: 'Updated {time}',
      total: 'Total',
    },
  },
};

/** Merges the texts into the page's i18n instance (again is harmless). */
export function installCompletionMessages(): void {
  for (const [locale, texts] of Object.entries(completionMessages)) {
    (i18n.global.mergeLocaleMessage as (locale: string, message: unknown) => void)(locale, texts);
  }
}
