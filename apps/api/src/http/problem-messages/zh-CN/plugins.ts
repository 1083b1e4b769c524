import type { CataloguePart } from '../catalogue.ts';

const areaNames: Record<string, string> = {
  'staffing-ratio': '心理健康教师配备比例',
  'funding-formula': '心理健康教育专项经费标准',
  'training-hours': '教师年度培训学时',
};
const areaName = (area: string) => areaNames[area] ?? area;

/** The texts of school plugins and the student affairs figures, in simplified Chinese. */
export const plugins = {
  problems: {
    'plugins.no-active-plugin': {
      title: '没有可用的策略插件',
      detail: ({ school }) => `学校 ${school} 没有可用的策略插件，请学校管理员检查插件。`,
    },
    'student-affairs.staff-not-found': { title: '未找到心理中心教师', detail: '没有这名心理中心教师。' },
    'student-affairs.plugin-broken': {
      title: '学校插件无法使用',
      detail: ({ plugin, errors }) => `学校插件 ${plugin} 无法使用：${errors}`,
    },
  },
  messages: {
    'student-affairs.area-not-configured': ({ area }) =>
      `学校插件没有规定“${areaName(area)}”，请在插件中加入这一领域（${area}）的规则`,
    'student-affairs.plugin-refuses': ({ area, detail }) => `学校插件无法计算“${areaName(area)}”：${detail}`,
  },
} satisfies CataloguePart;
