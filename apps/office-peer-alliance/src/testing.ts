import type { AllianceEvent, AllianceOverview, AllianceRecord, Member, TermStandings } from './api.ts';

// Answers of the alliance API as the demo school (seed 002, plugins/hut) gives them, for the module's component
// tests. Typed by the generated contract, so a fixture that no longer matches the API fails the typecheck.

export const TERM_ID = '7c1c6c2e-0000-4000-8000-000000000001';
const DEPARTMENT_ID = '7c1c6c2e-0000-4000-8000-000000000002';

export const OVERVIEW: AllianceOverview = {
  plugin: { id: 'hut', version: '1.1.0' },
  base: {
    points: 70,
    ruleName: 'art1-base-score',
    pluginId: 'hut',
    pluginVersion: '1.1.0',
    zh: '起评分（每学期初始分）',
    en: 'Base score at the start of the term',
  },
  departments: [{ id: DEPARTMENT_ID, name: '宣传部', kind: 'publicity', collegeUnitId: null }],
  terms: [
    {
      id: TERM_ID,
      name: '2025—2026学年第一学期',
      startsOn: '2025-08-25',
      endsOn: '2026-01-31',
      status: 'open',
    },
  ],
  currentTermId: TERM_ID,
  access: { canWrite: true, scoringTerms: [TERM_ID] },
  ranges: [],
  rules: [
    {
      name: 'art5-department-routine-late',
      area: 'penalty-points',
      zh: '部门日常例会迟到（10分钟以内）',
      en: 'Late for a department routine meeting (within 10 minutes)',
      quote: '部門日常例會遲到者-1分',
    },
    {
      name: 'dismissal-late-5-or-absent-4',
      area: 'term-sanctions',
      zh: '迟到5次或无故缺席4次，劝退',
      en: 'Late 5 times or absent 4 times: dismissal',
      quote: '遲到5次或無故缺席4次者,勸退',
    },
  ],
};

export const MEMBER: Member = {
  id: '7c1c6c2e-0000-4000-8000-000000000010',
  termId: TERM_ID,
  name: '陈盈',
  memberRole: 'staff',
  departmentId: DEPARTMENT_ID,
  departmentName: '宣传部',
  studentId: null,
  studentNumber: '2023010101',
  personId: null,
  isOfficer: false,
  active: true,
};

/** A routine meeting of last week that nobody closed. */
export const PAST_MEETING: AllianceEvent = {
  id: '7c1c6c2e-0000-4000-8000-000000000020',
  termId: TERM_ID,
  departmentId: DEPARTMENT_ID,
  kind: 'routine_meeting',
  title: '宣传部例会（第6周）',
  stars: 0,
  startsAt: '2025-10-13T11:00:00.000Z',
  endsAt: null,
  status: 'scheduled',
  phase: 'awaiting-close',
  isTask: false,
};

/** An adopted suggestion waiting for approval (seed 002, article 6). */
export const PENDING_REWARD: AllianceRecord = {
  id: '7c1c6c2e-0000-4000-8000-000000000030',
  memberId: MEMBER.id,
  eventId: null,
  kind: 'reward',
  facts: { recordKind: 'reward', rewardKind: 'suggestion-adopted', requestedPoints: 5, memberRole: 'staff' },
  context: { note: '建议“心理委员联席会”被采纳' },
  approval: 'pending',
  recordedAt: '2025-10-14T02:00:00.000Z',
};

/** The term sheet with one member facing dismissal. */
export const STANDINGS: TermStandings = {
  term: OVERVIEW.terms[0]!,
  plugin: OVERVIEW.plugin,
  base: OVERVIEW.base,
  members: [
    {
      member: {
        id: MEMBER.id,
        name: MEMBER.name,
        memberRole: MEMBER.memberRole,
        departmentId: MEMBER.departmentId,
        departmentName: MEMBER.departmentName,
        isOfficer: false,
        studentNumber: MEMBER.studentNumber,
      },
      base: 70,
      points: -18,
      score: 52,
      rankInAlliance: 1,
      rankInDepartment: 1,
      term: {
        facts: { subject: 'member', memberRole: 'staff', lateCount: 0, absenceCount: 6 },
        sanction: 'dismissal',
        sanctions: [
          {
            ruleName: 'dismissal-late-5-or-absent-4',
            zh: '迟到5次或无故缺席4次，劝退',
            en: 'Late 5 times or absent 4 times: dismissal',
            recordIds: [],
            level: 'dismissal',
            from: 'term',
          },
        ],
        eligibleForEvaluation: false,
        ineligibility: [],
        lateConversion: null,
      },
    },
  ],
  departments: [],
};
