import type { CataloguePart } from '../catalogue.ts';

const areaNames: Record<string, string> = {
  'staffing-ratio': 'the counsellor staffing ratio',
  'funding-formula': 'the dedicated funding per student',
  'training-hours': "the staff's yearly training hours",
};
const areaName = (area: string) => areaNames[area] ?? area;

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
      `The school's plugin does not set ${areaName(area)}; add rules for the area ${area} to the plugin`,
    'student-affairs.plugin-refuses': ({ area, detail }) =>
      `The school's plugin cannot compute ${areaName(area)}: ${detail}`,
  },
} satisfies CataloguePart;
