// Everything here runs in node and in the browser alike (no node imports): browser.ts and index.ts re-export it.
export {
  AREA_CONTRACTS,
  AREA_IDS,
  type AreaFacts,
  type AreaId,
  type AreaResult,
  type AreaTypes,
  isAreaId,
} from './contracts';
export {
  CASE_ENTRY_KINDS,
  CASE_KINDS,
  type CaseTemplate,
  type CaseTemplateFacts,
} from './contracts/case-templates';
export type { Reason } from './contracts/common';
export {
  CONCERN_URGENCIES,
  type ConcernFacts,
  type ConcernResult,
  type ConcernSign,
  type ConcernTriage,
  type ConcernUrgency,
  DEADLINE_UNITS,
  type DeadlineUnit,
} from './contracts/concern-signs';
export type { AreaContract, FiredRule } from './contracts/contract';
export {
  CRISIS_LEVELS,
  CRISIS_REACHES,
  CRISIS_RECORDS,
  CRISIS_ROLES,
  type CrisisActor,
  type CrisisFacts,
  type CrisisLevel,
  type CrisisLevelDef,
  type CrisisProtocolResult,
  type CrisisReach,
  type CrisisRecord,
  type CrisisReview,
  type CrisisRole,
  type CrisisStepDef,
} from './contracts/crisis-protocol';
export {
  decideWarnings,
  type GpaFormula,
  WARNING_ACTIONS,
  WARNING_MODULES,
  WARNING_PARTS,
  WARNING_SIGNALS,
  type Warning,
  type WarningAction,
  type WarningFacts,
  type WarningModule,
  type WarningResult,
  type WarningSettings,
  type WarningSignal,
  type WarningSignalDef,
} from './contracts/early-warning';
export {
  type FactSpec,
  type FactSpecs,
  type FactType,
  type Localized,
  validateFacts,
} from './contracts/facts';
export type { FundingFacts, FundingLine, FundingResult } from './contracts/funding-formula';
export {
  KEY_STUDENT_STEPS,
  type KeyStudentFacts,
  type KeyStudentRemoval,
  type KeyStudentResult,
  type KeyStudentStep,
  type KeyStudentTalk,
} from './contracts/key-students';
export {
  type PointEntry,
  type PointsFacts,
  type PointsResult,
  pointsFactSpecs,
  RECORD_KINDS,
  TERM_COUNTERS,
} from './contracts/penalty-points';
export {
  academicDate,
  type CadenceFacts,
  type CadenceResult,
  type Campaign,
  type ScreeningWave,
} from './contracts/screening-cadence';
export type { StaffingFacts, StaffingResult } from './contracts/staffing-ratio';
export {
  type BookingRules,
  type ConsentText,
  type HelpLine,
  type ResultVisibility,
  type SatisfactionTarget,
  STUDENT_SERVICE_STEPS,
  type StudentServiceFacts,
  type StudentServiceStep,
  type StudentServicesResult,
} from './contracts/student-services';
export { SUPPORT_CATEGORIES, type SupportFacts, type SupportResult } from './contracts/support-targets';
export {
  SANCTION_LEVELS,
  type Sanction,
  type SanctionLevel,
  type TermFacts,
  type TermResult,
  termFactSpecs,
} from './contracts/term-sanctions';
export {
  ATTENTION_TIERS,
  type AttentionTier,
  INSTRUMENTS,
  type Instrument,
  type TierFacts,
  type TierReason,
  type TierResult,
  tierFacts,
} from './contracts/tier-thresholds';
export type { TrainingFacts, TrainingResult } from './contracts/training-hours';
export {
  TREE_HOLE_STEPS,
  type TreeHoleFacts,
  type TreeHoleHandling,
  type TreeHoleNotice,
  type TreeHoleResult,
  type TreeHoleSignal as TreeHoleSignalRule,
  type TreeHoleStep,
} from './contracts/tree-hole';
export type { AreaRun, RuleTrace } from './engine/compiled-area';
export {
  CompiledPlugin,
  type CompileResult,
  compilePlugin,
  type Decision,
  type DecisionMeta,
  evaluate,
  explain,
  type PluginBundle,
} from './engine/plugin';
export { formatPolicyError, type PolicyError, PolicyEvaluationError, PolicyFactsError } from './errors';
export { manifestSchema, type PluginManifest, REQUIRED_LEVELS, validateManifest } from './manifest/schema';
export { conditionHolds } from './rules/conditions';
export { OPERATORS, type PolicyRule, type RuleSet, ruleFileSchema, type Source } from './rules/schema';
export { validateRuleFile } from './rules/validate';
export { POLICY_ENGINE_VERSION } from './version';
