import type { Permission } from '../../../auth/permissions.ts';

// Written as a variable first: a permission without its refusal fails to compile, while a refusal of a permission
// that is gone (or not yet committed by the session adding it) does not.
const texts = {
  'students.read': 'Your roles do not show students.',
  'students.write': 'Your roles do not add or change students.',
  'students.import': 'Your roles do not import students.',
  'cases.read': 'Your roles do not show cases.',
  'cases.write': 'Your roles do not work on cases.',
  'cases.assign': 'Only college station heads and the mental-health center assign cases.',
  'concerns.report': 'Your roles do not report concerns.',
  'concerns.triage': 'Your roles do not triage concern reports.',
  'key-students.manage': 'Your roles do not manage key students.',
  'key-students.approve':
    'Only college station heads and the mental-health center approve removals of key students.',
  'crises.read': 'Crises are not open to your roles.',
  'crises.run': 'Your roles do not run crises.',
  'crises.waive': 'Only the mental-health center director waives a step of a crisis.',
  'crises.review': 'Only the mental-health center records crisis reviews.',
  'hospitals.manage':
    'Only the school administrator and the mental-health center keep the list of contracted hospitals.',
  'warnings.read': 'Early warnings are not open to your roles.',
  'warnings.handle': 'Your roles do not work on early warnings.',
  'warnings.overview': 'Only college station heads and the mental-health center see the warning overview.',
  'feeds.raw': 'Only the school administrator imports the data feeds.',
  'integration.manage': 'Only the school administrator manages integration tokens.',
  'case-work.kpis': 'Case-work KPIs are not open to your roles.',
  'screening.counts': 'Your roles give no access to screening.',
  'screening.read': 'Your roles do not show screening results.',
  'screening.answers': 'Your roles do not show screening answers and scores.',
  'screening.manage': 'Only the mental-health center manages screening.',
  'screening.import': 'Only the mental-health center imports screening results.',
  'calendar.read': 'Your roles do not show the working calendar.',
  'calendar.edit': 'Only the mental-health center edits the working calendar.',
  'student-affairs.read': 'Student affairs figures are not open to your roles.',
  'student-affairs.edit': 'Your roles do not edit student affairs figures.',
  'alliance.read': 'The peer alliance is not open to your roles.',
  'alliance.manage': 'Your roles do not change the peer alliance.',
  'alliance.score': 'Your roles do not score the peer alliance.',
  'alliance.score-any-term': 'You are not an officer who may score in this term.',
  'network.manage': 'Your roles do not change the work network.',
  'network.rename-own-unit': 'This unit is outside the part of the network you manage.',
  'people.manage': 'Your roles do not manage accounts.',
  'audit.read': 'Your roles do not read the audit log.',
  'audit.verify': 'Your roles do not verify the audit log.',
  'notifications.manage': 'Only the school administrator sets up notification channels.',
  'student.self': 'Only a student uses the student side.',
  'counselling.manage': 'Only the mental-health center publishes counselling slots and records sessions.',
  'counselling.ratings': 'Your role cannot see counselling satisfaction.',
  'treehole.reply': 'Only the mental-health center reads and answers the tree hole.',
  'treehole.identify': 'Only the center director may see who wrote an escalated tree-hole message.',
  'support.read':
    'Support files are open to the head teacher, the counsellor, the chain above and the responsible person only.',
  'support.write': 'Your roles do not write support files.',
  'support.manage':
    'Only head teachers, counsellors and station heads confirm support lists, name helpers and evaluate.',
  'support.records': 'Your roles do not record sanctions, hardship, aids or home visits.',
  'financial-support.counts': 'Your roles do not see financial-support coverage.',
};

/** Why a permission is refused, in English: the detail of `auth.permission-denied`. */
export const refusals: Readonly<Record<Permission, string>> = texts;
