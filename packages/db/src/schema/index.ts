export * from './audit.ts';
export * from './cases.ts';
export * from './network.ts';
export * from './policy.ts';
export * from './schools.ts';
export * from './sessions.ts';
export * from './student-affairs.ts';
export * from './students.ts';
