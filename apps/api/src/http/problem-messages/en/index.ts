import type { Catalogue } from '../catalogue.ts';
import { alliance } from './alliance.ts';
import { core } from './core.ts';
import { network } from './network.ts';
import { students } from './students.ts';

/** Every problem and message text in English. */
export const en: Catalogue = {
  problems: { ...core.problems, ...network.problems, ...students.problems, ...alliance.problems },
  messages: { ...core.messages, ...network.messages, ...students.messages, ...alliance.messages },
};
