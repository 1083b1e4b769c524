import type { Catalogue } from '../catalogue.ts';
import { alliance } from './alliance.ts';
import { concerns } from './concerns.ts';
import { core } from './core.ts';
import { crises } from './crises.ts';
import { keyStudents } from './key-students.ts';
import { network } from './network.ts';
import { notifications } from './notifications.ts';
import { plugins } from './plugins.ts';
import { screening } from './screening.ts';
import { studentSide } from './student-side.ts';
import { students } from './students.ts';
import { support } from './support.ts';
import { treeHole } from './tree-hole.ts';
import { warnings } from './warnings.ts';

/** Every problem and message text in simplified Chinese, the default language. */
export const zhCN: Catalogue = {
  problems: {
    ...core.problems,
    ...network.problems,
    ...notifications.problems,
    ...students.problems,
    ...screening.problems,
    ...plugins.problems,
    ...alliance.problems,
    ...concerns.problems,
    ...keyStudents.problems,
    ...studentSide.problems,
    ...crises.problems,
    ...support.problems,
    ...treeHole.problems,
    ...warnings.problems,
  },
  messages: {
    ...core.messages,
    ...network.messages,
    ...notifications.messages,
    ...students.messages,
    ...screening.messages,
    ...plugins.messages,
    ...alliance.messages,
    ...concerns.messages,
    ...keyStudents.messages,
    ...studentSide.messages,
    ...crises.messages,
    ...support.messages,
    ...treeHole.messages,
    ...warnings.messages,
  },
};
