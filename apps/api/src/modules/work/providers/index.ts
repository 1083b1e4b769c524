import { concernReportsToTriage } from '../../concerns/work.ts';
import { crisisReviewsDue, crisisSteps } from '../../crises/work.ts';
import { keyStudentTalks } from '../../key-students/work.ts';
import { consentDeclines } from '../../me/declines.ts';
import { supportFileItems } from '../../support/work.ts';
import { treeHoleItems } from '../../tree-hole/work.ts';
import { warningItems } from '../../warnings/work.ts';
import type { WorkProvider } from '../types.ts';
import { myCases } from './cases.ts';
import { myFollowUps } from './follow-ups.ts';
import { unassignedCases } from './unassigned.ts';

/**
 * Every source of My work. To add a kind of work: name it in WORK_KINDS (../types.ts), write its provider in a
 * file of this folder (a `WorkProvider`: its kind and `items(caller, clock)`, empty for roles without that work),
 * and list it here. The service asks each provider, sorts all items by urgency and counts them per kind.
 */
export const WORK_PROVIDERS: readonly WorkProvider[] = [
  myFollowUps,
  myCases,
  unassignedCases,
  concernReportsToTriage,
  keyStudentTalks,
  crisisSteps,
  crisisReviewsDue,
  supportFileItems,
  warningItems,
  consentDeclines,
  treeHoleItems,
];
