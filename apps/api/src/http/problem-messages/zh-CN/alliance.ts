import type { CataloguePart } from '../catalogue.ts';

/** The texts of the peer alliance, in simplified Chinese. */
export const alliance = {
  problems: {
    'alliance.no-points-scale': {
      title: '本校还没有朋辈互助联盟的考核规则',
      detail: ({ school }) =>
        `学校 ${school} 的策略插件没有“考核加减分”（penalty-points）和“学期处分”（term-sanctions）规则：请在插件中加入这两个领域的规则（可参照 plugins/hut）。`,
    },
  },
  messages: {},
} satisfies CataloguePart;
