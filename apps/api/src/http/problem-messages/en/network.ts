import type { CataloguePart } from '../catalogue.ts';

/** The texts of the work network, accounts and the audit log, in English. */
export const network = {
  problems: {
    'units.not-found': { title: 'Unit not found', detail: 'No such unit, or it is outside what you manage.' },
    'units.outside-branch': {
      title: 'Unit outside your part of the network',
      detail: 'This unit is outside the part of the network you manage.',
    },
    'units.name-taken': {
      title: 'Unit name taken',
      detail: ({ name }) => `A unit under the same parent is already named ${name}.`,
    },

    'people.not-found': {
      title: 'Person not found',
      detail: 'No such person, or they are outside what you manage.',
    },
    'people.role-outside-administration': {
      title: 'Role outside what you manage',
      detail: 'A role sits on a unit outside the units you administer.',
    },
    'people.person-outside-administration': {
      title: 'Person outside what you manage',
      detail: 'This person works outside the units you administer.',
    },
    'people.username-taken': {
      title: 'Username taken',
      detail: ({ username }) => `The username ${username} is taken.`,
    },

    'audit.student-outside-units': {
      title: 'Student outside your units',
      detail: 'This student is outside the units you are responsible for.',
    },
    'audit.export-too-large': {
      title: 'Too many rows to export',
      detail: ({ total, max }) =>
        `${total} rows match, more than the ${max} one export takes: narrow the dates.`,
    },
  },
  messages: {
    'units.no-such-unit': 'No such unit',
    'units.no-such-parent': 'No such parent unit',
    'units.lowest-level': ({ parent }) => `${parent} is on the lowest level and takes no units below it`,
    'units.wrong-level': ({ parent, expected, expectedName, given }) =>
      `The level below ${parent} is ${expected} (${expectedName}), not ${given}`,
    'units.name-taken': ({ name }) => `${name} is taken under this parent`,

    'people.role-listed-twice': 'This role is listed twice',
    'people.username-taken': 'Taken',
    'people.username-characters': 'Letters, digits and . _ @ - only',
    'people.password-too-short': ({ minimum }) => `At least ${minimum} characters`,
    'people.nothing-to-change': 'Change at least one of display name, disabled, roles',
    'people.cannot-disable-self': 'You cannot disable your own account',
    'people.cannot-drop-own-admin': 'You cannot remove your own administrator role',
  },
} satisfies CataloguePart;
