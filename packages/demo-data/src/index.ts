export {
  DEMO_ACCOUNT_TABLE,
  DEMO_PASSWORD,
  type DemoAccountSpec,
  type DemoPlacement,
  demoAccountsMarkdown,
} from './accounts.ts';
export {
  type DemoActivity,
  type DemoCardSpend,
  type DemoFeeds,
  type DemoGrade,
  finishedTerms,
  generateDemoFeeds,
} from './feeds.ts';
export {
  DEFAULT_ACADEMIC_YEAR,
  DEFAULT_SEED,
  DEFAULT_STUDENT_COUNT,
  type DemoSchoolInput,
  generateDemoSchool,
} from './generate.ts';
export { createRandom, type Random } from './random.ts';
export {
  DEMO_SCHOOL_CODES,
  type DemoSchoolCode,
  SCHOOL_PROFILES,
  type SchoolProfile,
  schoolProfile,
} from './schools/index.ts';
export * from './types.ts';
