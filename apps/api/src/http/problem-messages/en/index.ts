import type { Catalogue } from '../catalogue.ts';
import { alliance } from './alliance.ts';
import { concerns } from './concerns.ts';
import { core } from './core.ts';
import { network } from './network.ts';
import { students } from './students.ts';

/** Every problem and message text in English. */
export const en: Catalogue = {
  problems: {
    ...core.problems,
    ...network.problems,
    ...students.problems,
    ...alliance.problems,
    ...concerns.problems,
  },
  messages: {
    ...core.messages,
    ...network.messages,
    ...students.messages,
    ...alliance.messages,
    ...concerns.messages,
  },
};
