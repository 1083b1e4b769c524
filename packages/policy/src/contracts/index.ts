import { type CaseTemplate, type CaseTemplateFacts, caseTemplates } from './case-templates';
import { type ConcernFacts, type ConcernResult, concernSigns } from './concern-signs';
import type { AreaContract } from './contract';
import { type CrisisFacts, type CrisisProtocolResult, crisisProtocol } from './crisis-protocol';
import { earlyWarning, type WarningFacts, type WarningResult } from './early-warning';
import { type FundingFacts, type FundingResult, fundingFormula } from './funding-formula';
import { type KeyStudentFacts, type KeyStudentResult, keyStudents } from './key-students';
import { type PointsFacts, type PointsResult, penaltyPoints } from './penalty-points';
import { type CadenceFacts, type CadenceResult, screeningCadence } from './screening-cadence';
import { type StaffingFacts, type StaffingResult, staffingRatio } from './staffing-ratio';
import { type StudentServiceFacts, type StudentServicesResult, studentServices } from './student-services';
import { type SupportFacts, type SupportResult, supportTargets } from './support-targets';
import { type TermFacts, type TermResult, termSanctions } from './term-sanctions';
import { type TierFacts, type TierResult, tierThresholds } from './tier-thresholds';
import { type TrainingFacts, type TrainingResult, trainingHours } from './training-hours';
import { type TreeHoleFacts, type TreeHoleResult, treeHole } from './tree-hole';

/** The policy areas a plugin may provide, by id. */
export const AREA_IDS = [
  'screening-cadence',
  'tier-thresholds',
  'staffing-ratio',
  'funding-formula',
  'training-hours',
  'penalty-points',
  'term-sanctions',
  'support-targets',
  'early-warning',
  'case-templates',
  'concern-signs',
  'key-students',
  'crisis-protocol',
  'student-services',
  'tree-hole',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** Facts and result type of each area. */
export interface AreaTypes {
  'screening-cadence': { facts: CadenceFacts; result: CadenceResult };
  'tier-thresholds': { facts: TierFacts; result: TierResult };
  'staffing-ratio': { facts: StaffingFacts; result: StaffingResult };
  'funding-formula': { facts: FundingFacts; result: FundingResult };
  'training-hours': { facts: TrainingFacts; result: TrainingResult };
  'penalty-points': { facts: PointsFacts; result: PointsResult };
  'term-sanctions': { facts: TermFacts; result: TermResult };
  'support-targets': { facts: SupportFacts; result: SupportResult };
  'early-warning': { facts: WarningFacts; result: WarningResult };
  'case-templates': { facts: CaseTemplateFacts; result: CaseTemplate };
  'concern-signs': { facts: ConcernFacts; result: ConcernResult };
  'key-students': { facts: KeyStudentFacts; result: KeyStudentResult };
  'crisis-protocol': { facts: CrisisFacts; result: CrisisProtocolResult };
  'student-services': { facts: StudentServiceFacts; result: StudentServicesResult };
  'tree-hole': { facts: TreeHoleFacts; result: TreeHoleResult };
}
export type AreaFacts<A extends AreaId> = AreaTypes[A]['facts'];
export type AreaResult<A extends AreaId> = AreaTypes[A]['result'];

/** The contract of every area. */
export const AREA_CONTRACTS: { readonly [A in AreaId]: AreaContract<AreaResult<A>> } = {
  'screening-cadence': screeningCadence,
  'tier-thresholds': tierThresholds,
  'staffing-ratio': staffingRatio,
  'funding-formula': fundingFormula,
  'training-hours': trainingHours,
  'penalty-points': penaltyPoints,
  'term-sanctions': termSanctions,
  'support-targets': supportTargets,
  'early-warning': earlyWarning,
  'case-templates': caseTemplates,
  'concern-signs': concernSigns,
  'key-students': keyStudents,
  'crisis-protocol': crisisProtocol,
  'student-services': studentServices,
  'tree-hole': treeHole,
};

/**
 * Whether a string names a policy area.
 * @example isAreaId('tier-thresholds') // true
 */
export function isAreaId(value: string): value is AreaId {
  return (AREA_IDS as readonly string[]).includes(value);
}
