import { api, i18n, type Schemas } from '@xinqiao/web-kit';

export type Satisfaction = Schemas['CounsellingSatisfaction'];

/** Counselling satisfaction of the academic year (KPI 2.2), from the anonymous ratings (反馈码). */
export function fetchSatisfaction(): Promise<Satisfaction> {
  return api.GET('/api/appointments/satisfaction');
}

const messages = {
  'zh-CN': {
    studentAffairs: {
      satisfaction: {
        name: '心理咨询服务满意度',
        target: '不低于 {target} 分（满分 100）',
        current: '{overall} 分（{n} 条匿名评价）',
        tooFew: '评价不足 {min} 条',
      },
    },
  },
  en: {
    studentAffairs: {
      satisfaction: {
        name: 'Counselling satisfaction',
        target: 'At least {target} of 100',
        current: '{overall} ({n} anonymous ratings)',
        tooFew: 'Fewer than {min} ratings',
      },
    },
  },
};

/** Merges the satisfaction KPI's texts into the page's i18n instance (again is harmless). */
export function installSatisfactionMessages(): void {
  for (const [locale, texts] of Object.entries(messages)) {
    (i18n.global.mergeLocaleMessage as (locale: string, message: unknown) => void)(locale, texts);
  }
}
