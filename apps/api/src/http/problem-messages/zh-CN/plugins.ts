import type { CataloguePart } from '../catalogue.ts';

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
      `学校插件没有规定“${area}”，请在插件中加入这一领域的规则`,
  },
} satisfies CataloguePart;
