import { z } from '@hono/zod-openapi';
import { schemaMessage } from '../../http/zod-issues.ts';
import {
  ACTIVITY_CONTRIBUTIONS,
  APPROVAL_STATES,
  ATTENDED_EVENT_KINDS,
  CORRECTED_ATTENDANCE,
  DEPARTMENT_DISCIPLINE,
  DEPARTMENT_FINDINGS,
  DEPARTMENT_KINDS,
  EVENT_KINDS,
  MEMBER_DISCIPLINE,
  MEMBER_FINDING_NAMES,
  MEMBER_ROLES,
  MINUTES_RATINGS,
  MISTAKE_KINDS,
  RATINGS,
  REWARD_KINDS,
  TASK_KINDS,
  TERM_STATUSES,
} from './kinds.ts';

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const isoTime = z.string().datetime({ offset: true });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** A point value an officer picks within a plugin rule's range (the plugin checks the range). */
const requestedPoints = z.number().int().min(-100).max(100);

export const TermIdParams = z.object({ termId: uuid.openapi({ param: { name: 'termId', in: 'path' } }) });
export const EventIdParams = z.object({ eventId: uuid.openapi({ param: { name: 'eventId', in: 'path' } }) });
export const TaskIdParams = z.object({ taskId: uuid.openapi({ param: { name: 'taskId', in: 'path' } }) });
export const MemberIdParams = z.object({
  memberId: uuid.openapi({ param: { name: 'memberId', in: 'path' } }),
});
export const RecordIdParams = z.object({
  recordId: uuid.openapi({ param: { name: 'recordId', in: 'path' } }),
});

export const CreateDepartmentBody = z
  .object({ name: text(50), kind: z.enum(DEPARTMENT_KINDS), collegeUnitId: uuid.optional() })
  .strict()
  .refine((b) => b.kind !== 'branch' || b.collegeUnitId, {
    message: schemaMessage('alliance.branch-needs-college'),
    path: ['collegeUnitId'],
  });

export const CreateTermBody = z
  .object({ name: text(50), startsOn: day, endsOn: day })
  .strict()
  .refine((b) => b.startsOn <= b.endsOn, {
    message: schemaMessage('alliance.ends-before-starts'),
    path: ['endsOn'],
  });

export const UpdateTermBody = z.object({ status: z.enum(TERM_STATUSES) }).strict();

export const CreateMemberBody = z
  .object({
    name: text(50),
    departmentId: uuid,
    memberRole: z.enum(MEMBER_ROLES),
    studentId: uuid.optional(),
    personId: uuid.optional(),
    isOfficer: z.boolean().default(false),
  })
  .strict();

export const UpdateMemberBody = z
  .object({
    departmentId: uuid,
    memberRole: z.enum(MEMBER_ROLES),
    isOfficer: z.boolean(),
    active: z.boolean(),
    personId: uuid.nullable(),
    studentId: uuid.nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, schemaMessage('field.nothing-to-change'));

export const CreateEventBody = z
  .object({
    kind: z.enum(ATTENDED_EVENT_KINDS),
    title: text(100),
    departmentId: uuid.optional(),
    stars: z.number().int().min(0).max(5).default(0),
    startsAt: isoTime,
    endsAt: isoTime.optional(),
  })
  .strict()
  .refine((b) => b.kind !== 'routine_meeting' || b.departmentId, {
    message: schemaMessage('alliance.routine-needs-department'),
    path: ['departmentId'],
  })
  .refine((b) => b.kind !== 'plenary_meeting' || !b.departmentId, {
    message: schemaMessage('alliance.plenary-without-department'),
    path: ['departmentId'],
  })
  .refine((b) => !b.endsAt || b.endsAt > b.startsAt, {
    message: schemaMessage('alliance.ends-before-starts'),
    path: ['endsAt'],
  })
  .openapi('AllianceNewEvent');

export const CreateTaskBody = z
  .object({
    taskKind: z.enum(TASK_KINDS),
    title: text(100),
    departmentId: uuid.optional(),
    assignedAt: isoTime.optional(),
    deadline: isoTime,
  })
  .strict();

export const MemberBody = z.object({ memberId: uuid }).strict();
export const CheckInBody = z
  .object({
    memberId: uuid,
    arrivedAt: isoTime.optional().openapi({ description: 'Arrival time; now when omitted' }),
  })
  .strict();
export const LeaveBody = z.object({ memberId: uuid, reason: text(200) }).strict();
export const EarlyLeaveBody = z.object({ memberId: uuid, leftAt: isoTime.optional() }).strict();
export const AcknowledgeBody = z.object({ memberId: uuid, at: isoTime.optional() }).strict();
export const SubmitBody = z
  .object({ memberId: uuid, submittedAt: isoTime.optional(), requestedPoints: requestedPoints.optional() })
  .strict();
export const CloseTaskBody = z.object({ requestedPoints: requestedPoints.optional() }).strict();

const note = text(500).optional();
const ofMember = { memberId: uuid, note };

/** A record an officer writes against a member (or a whole department), by the plugin's record kind. */
export const CreateRecordBody = z
  .discriminatedUnion('recordKind', [
    z
      .object({
        recordKind: z.literal('minutes'),
        eventId: uuid,
        minutesRating: z.enum(MINUTES_RATINGS),
        ...ofMember,
      })
      .strict(),
    z
      .object({ recordKind: z.literal('task-quality'), eventId: uuid, rating: z.enum(RATINGS), ...ofMember })
      .strict(),
    z
      .object({
        recordKind: z.literal('activity-rating'),
        eventId: uuid,
        rating: z.enum(RATINGS),
        ...ofMember,
      })
      .strict(),
    z
      .object({
        recordKind: z.literal('activity-contribution'),
        eventId: uuid.optional(),
        activityContribution: z.enum(ACTIVITY_CONTRIBUTIONS),
        ...ofMember,
      })
      .strict(),
    z
      .object({
        recordKind: z.literal('meeting-discipline'),
        eventId: uuid,
        discipline: z.literal(MEMBER_DISCIPLINE),
        ...ofMember,
      })
      .strict(),
    z
      .object({
        recordKind: z.literal('department-discipline'),
        eventId: uuid,
        departmentId: uuid,
        discipline: z.enum(DEPARTMENT_DISCIPLINE),
        note,
      })
      .strict(),
    z
      .object({
        recordKind: z.literal('reward'),
        rewardKind: z.enum(REWARD_KINDS),
        requestedPoints,
        memberId: uuid.optional(),
        departmentId: uuid.optional(),
        eventId: uuid.optional(),
        note,
      })
      .strict(),
    z
      .object({
        recordKind: z.literal('mistake'),
        mistakeKind: z.enum(MISTAKE_KINDS),
        requestedPoints,
        eventId: uuid.optional(),
        ...ofMember,
      })
      .strict(),
    z
      .object({ recordKind: z.literal('finding'), finding: z.enum(MEMBER_FINDING_NAMES), ...ofMember })
      .strict(),
  ])
  .openapi('AllianceNewRecord');
export type CreateRecordInput = z.infer<typeof CreateRecordBody>;

export const ApprovalBody = z.object({ approve: z.boolean() }).strict();

export const CorrectionBody = z
  .object({
    reason: text(200),
    void: z.boolean().optional(),
    arrivedAt: isoTime.optional().openapi({ description: 'For a check-in: the right arrival time' }),
    attendance: z.enum(CORRECTED_ATTENDANCE).optional(),
    facts: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .openapi({
        description: "New values of the record's plugin facts (rating, minutesRating, requestedPoints...)",
      }),
  })
  .strict()
  .refine((b) => b.void || b.arrivedAt || b.attendance || (b.facts && Object.keys(b.facts).length > 0), {
    message: schemaMessage('alliance.correction-empty'),
  })
  .openapi('AllianceCorrection');

export const FullAttendanceBody = z
  .object({ key: text(40), from: isoTime, to: isoTime })
  .strict()
  .refine((b) => b.from < b.to, { message: schemaMessage('alliance.ends-before-starts'), path: ['to'] });

export const DepartmentFindingBody = z
  .object({ departmentId: uuid, finding: z.enum(DEPARTMENT_FINDINGS), note, at: isoTime.optional() })
  .strict();

export const RepricingApplyBody = z.object({ fingerprint: z.string().min(8).max(64) }).strict();

export const EventsQuery = z.object({ kind: z.enum(EVENT_KINDS).optional() });
export const RecordsQuery = z.object({ approval: z.enum(APPROVAL_STATES).optional() });
