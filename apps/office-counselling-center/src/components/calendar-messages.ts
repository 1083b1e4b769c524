import { i18n } from '@xinqiao/web-kit';

/** The calendar editor's texts, zh-CN first; merged into the page's one i18n instance under `ccCalendar`. */
export const calendarMessages = {
  'zh-CN': {
    ccCalendar: {
      title: '工作日历',
      intro: '随访期限按工作日计算：法定节假日休息，调休日上班，学校的调整优先。调整只影响之后新开的随访。',
      year: '年份',
      notCovered: '{year} 年的法定节假日安排尚未发布，目前只按周末和学校的调整计算。',
      source: '依据：{title}（{issuer}，{published}）',
      summary:
        '全年工作日 {working} 天，休息日 {rest} 天；法定节假日 {holidays} 天，调休上班 {makeUp} 天，学校调整 {edits} 天',
      date: '日期',
      weekday: { d0: '周日', d1: '周一', d2: '周二', d3: '周三', d4: '周四', d5: '周五', d6: '周六' },
      kind: '类别',
      kinds: {
        'public-holiday': '法定节假日',
        'make-up-workday': '调休上班',
        'school-workday': '学校调整：上班',
        'school-day-off': '学校调整：休息',
        weekday: '工作日',
        weekend: '周末',
      },
      name: '节日',
      note: '说明',
      otherwise: '原为',
      working: '上班',
      rest: '休息',
      actions: '操作',
      edit: '修改',
      drop: '撤销调整',
      none: '这一年没有节假日或调整',
      form: {
        title: '调整某一天',
        working: '这一天',
        notePlaceholder: '例如：校运动会停课',
        submit: '保存调整',
        dateRequired: '请选择日期',
        saved: '已保存 {date} 的调整',
        dropped: '已撤销 {date} 的调整',
      },
    },
  },
  en: {
    ccCalendar: {
      title: 'Working-day calendar',
      intro:
        'Follow-up deadlines count working days: public holidays are off, make-up days are worked, and the school’s own edits come first. An edit counts only for follow-ups opened after it.',
      year: 'Year',
      notCovered:
        'The public holidays of {year} have not been announced yet: only weekends and the school’s edits count for now.',
      source: 'Source: {title} ({issuer}, {published})',
      summary:
        '{working} working days and {rest} days off in the year; {holidays} public holidays, {makeUp} make-up working days, {edits} school edits',
      date: 'Date',
      weekday: { d0: 'Sun', d1: 'Mon', d2: 'Tue', d3: 'Wed', d4: 'Thu', d5: 'Fri', d6: 'Sat' },
      kind: 'Kind',
      kinds: {
        'public-holiday': 'Public holiday',
        'make-up-workday': 'Make-up working day',
        'school-workday': 'School: working',
        'school-day-off': 'School: day off',
        weekday: 'Weekday',
        weekend: 'Weekend',
      },
      name: 'Holiday',
      note: 'Note',
      otherwise: 'Otherwise',
      working: 'Working',
      rest: 'Day off',
      actions: 'Actions',
      edit: 'Edit',
      drop: 'Drop edit',
      none: 'No holidays or edits in this year',
      form: {
        title: 'Edit a day',
        working: 'This day is',
        notePlaceholder: 'e.g. no classes: sports meeting',
        submit: 'Save edit',
        dateRequired: 'Choose a date',
        saved: 'Edit of {date} saved',
        dropped: 'Edit of {date} dropped',
      },
    },
  },
};

/** Merges the texts into the page's i18n instance (again is harmless). */
export function installCalendarMessages(): void {
  for (const [locale, texts] of Object.entries(calendarMessages)) {
    (i18n.global.mergeLocaleMessage as (locale: string, message: unknown) => void)(locale, texts);
  }
}
