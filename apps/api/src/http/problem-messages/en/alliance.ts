import type { CataloguePart } from '../catalogue.ts';

/** The texts of the peer alliance, in English. */
export const alliance = {
  problems: {
    'alliance.no-points-scale': {
      title: 'Your school has no peer alliance rules yet',
      detail: ({ school }) =>
        `The policy plugin of school ${school} has no rules for penalty-points (the points scale) and term-sanctions (the term's sanctions): add both areas to the plugin (plugins/hut is an example).`,
    },
  },
  messages: {},
} satisfies CataloguePart;
