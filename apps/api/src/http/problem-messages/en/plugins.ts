import type { CataloguePart } from '../catalogue.ts';

/** The texts of school plugins and the student affairs figures, in English. */
export const plugins = {
  problems: {
    'plugins.no-active-plugin': {
      title: 'No active policy plugin',
      detail: ({ school }) =>
        `School ${school} has no active policy plugin; ask the school administrator to check it.`,
    },
    'student-affairs.staff-not-found': {
      title: 'Center staff member not found',
      detail: 'No such mental-health center staff member.',
    },
    'student-affairs.plugin-broken': {
      title: 'School plugin unusable',
      detail: ({ plugin, errors }) => `The school's plugin ${plugin} does not compile: ${errors}`,
    },
  },
  messages: {
    'student-affairs.area-not-configured': ({ area }) =>
      `The school's plugin does not provide "${area}"; add rules for this area to the plugin`,
  },
} satisfies CataloguePart;
