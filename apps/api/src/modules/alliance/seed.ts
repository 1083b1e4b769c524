import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TenantTx } from '@xinqiao/db';
import { type CompiledPlugin, loadPluginFolder } from '@xinqiao/policy';
import { checkIn, closeEvent, requestLeave } from './attendance.ts';
import type { DepartmentKind } from './kinds.ts';
import { accountNamed, firstCollege, firstStudents } from './queries/demo.ts';
import { type EventRow, insertEvent } from './queries/events.ts';
import { getMember, insertMember, type MemberView } from './queries/members.ts';
import { insertDepartment, insertTerm } from './queries/structure.ts';
import { type Writer, writeRecord } from './records.ts';
import { closeTask, submitTask } from './tasks.ts';

/** Schools whose demo data includes a peer alliance: the school of seed 002. */
export const DEMO_ALLIANCE_SCHOOLS = ['hut'] as const;

const DEPARTMENTS: { name: string; kind: DepartmentKind; cadres: number; staff: number }[] = [
  { name: '主席团', kind: 'presidium', cadres: 3, staff: 0 },
  { name: '办公室', kind: 'office', cadres: 2, staff: 4 },
  { name: '宣传部', kind: 'publicity', cadres: 2, staff: 4 },
  { name: '活动部', kind: 'activities', cadres: 2, staff: 3 },
  { name: '培训部', kind: 'training', cadres: 1, staff: 4 },
  { name: '外联部', kind: 'outreach', cadres: 2, staff: 3 },
];

const DAY = 86_400_000;

/** The term around `now`: spring (Feb–Jul) or autumn (Sep–Jan), named as Chinese universities name them. */
export function demoTermAround(now: Date): { name: string; startsOn: string; endsOn: string } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (month >= 2 && month <= 7) {
    return { name: `${year - 1}—${year}学年第二学期`, startsOn: `${year}-02-17`, endsOn: `${year}-07-15` };
  }
  const start = month >= 8 ? year : year - 1;
  return {
    name: `${start}—${start + 1}学年第一学期`,
    startsOn: `${start}-08-25`,
    endsOn: `${start + 1}-01-31`,
  };
}

/** 19:00 Beijing time (11:00 UTC) `weeksAgo` weeks before `now`'s day. */
function eveningWeeksAgo(now: Date, weeksAgo: number): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 11));
  return new Date(day.getTime() - weeksAgo * 7 * DAY);
}

/**
 * Loads the demo plugin of a school from the repository's plugins folder (the demo seeds before the API's catalog
 * exists); undefined when the school has no alliance demo or its plugin does not load.
 */
export async function demoAlliancePlugin(schoolCode: string): Promise<CompiledPlugin | undefined> {
  if (!(DEMO_ALLIANCE_SCHOOLS as readonly string[]).includes(schoolCode)) return undefined;
  const folder = fileURLToPath(new URL(`../../../../../plugins/${schoolCode}`, import.meta.url));
  if (!existsSync(folder)) return undefined;
  const loaded = await loadPluginFolder(folder);
  return loaded.plugin?.provides('penalty-points') ? loaded.plugin : undefined;
}

/**
 * Seeds the demo school's peer alliance when it has one (seed 002's school): the departments of seed 002 and a
 * college branch, the current term, 30 members (students of the school; the demo `alliance` account is the office
 * cadre who scores), six weeks of routine and plenary meetings with check-ins priced by the plugin, a task, a pending
 * reward, a failed course, and a plenary meeting tonight that is still open for check-in. One member is absent four
 * times and so faces dismissal (劝退), as article 7 says.
 *
 * @example
 * await seedDemoAllianceFor(tx, schoolId, 'hut'); // in seedDemoSchool's transaction
 */
export async function seedDemoAllianceFor(
  tx: TenantTx,
  schoolId: string,
  schoolCode: string,
  now = new Date(),
): Promise<boolean> {
  const plugin = await demoAlliancePlugin(schoolCode);
  if (!plugin) return false;
  await seedDemoAlliance(tx, schoolId, plugin, now);
  return true;
}

/** Seeds a demo alliance with the given plugin (see {@link seedDemoAllianceFor}). */
export async function seedDemoAlliance(
  tx: TenantTx,
  schoolId: string,
  plugin: CompiledPlugin,
  now: Date,
): Promise<{ termId: string; tonightId: string }> {
  const officer = await accountNamed(tx, 'alliance');
  if (!officer) throw new Error('the demo school has no `alliance` account to score with');
  const college = await firstCollege(tx);
  const term = await insertTerm(tx, { schoolId, ...demoTermAround(now) });
  const departments = new Map<DepartmentKind, string>();
  for (const d of DEPARTMENTS) {
    departments.set(d.kind, (await insertDepartment(tx, { schoolId, name: d.name, kind: d.kind })).id);
  }
  if (college) {
    await insertDepartment(tx, {
      schoolId,
      name: `${college.name}心理部`,
      kind: 'branch',
      collegeUnitId: college.id,
    });
  }
  const picked = await firstStudents(tx, schoolId, 40);
  const memberIds = new Map<DepartmentKind, string[]>();
  let next = 0;
  const add = async (
    kind: DepartmentKind,
    values: Omit<Parameters<typeof insertMember>[1], 'schoolId' | 'termId' | 'departmentId'>,
  ) => {
    const id = await insertMember(tx, {
      schoolId,
      termId: term.id,
      departmentId: departments.get(kind)!,
      ...values,
    });
    memberIds.set(kind, [...(memberIds.get(kind) ?? []), id]);
  };
  await add('office', { name: officer.name, memberRole: 'cadre', isOfficer: true, personId: officer.id });
  for (const d of DEPARTMENTS) {
    const seats = d.cadres + d.staff - (d.kind === 'office' ? 1 : 0);
    for (let seat = 0; seat < seats && next < picked.length; seat++) {
      const student = picked[next++]!;
      const memberRole = seat < d.cadres - (d.kind === 'office' ? 1 : 0) ? 'cadre' : 'staff';
      await add(d.kind, {
        name: student.name,
        studentId: student.id,
        studentNumber: student.studentNumber,
        memberRole,
      });
    }
  }
  const writer: Writer = { schoolId, personId: officer.id, plugin, now };
  await seedMeetings(tx, writer, term.id, departments, memberIds, now);
  const tonight = await demoEvent(tx, writer, term.id, {
    kind: 'plenary_meeting',
    title: '朋辈互助联盟全体大会',
    stars: 3,
    startsAt: eveningWeeksAgo(now, 0),
  });
  return { termId: term.id, tonightId: tonight.id };
}

function demoEvent(
  tx: TenantTx,
  writer: Writer,
  termId: string,
  values: {
    kind: string;
    title: string;
    stars?: number;
    startsAt: Date;
    endsAt?: Date;
    departmentId?: string;
  },
): Promise<EventRow> {
  return insertEvent(tx, {
    schoolId: writer.schoolId,
    termId,
    createdBy: writer.personId,
    stars: 0,
    ...values,
  });
}

/** Minutes late per member index at each past weekly meeting: 0 on time, null absent, 'leave' on leave. */
function arrivalOf(week: number, index: number, kind: DepartmentKind): number | null | 'leave' {
  if (kind === 'publicity' && index === 3) return null; // absent every week: reaches dismissal (劝退)
  if (kind === 'activities' && index === 2 && week % 2 === 0) return null; // absent twice: a warning
  if (kind === 'outreach' && index === 0 && week < 3) return 4 + week; // a cadre late three times
  if (kind === 'training' && index === 1 && week === 2) return 15; // more than 10 minutes: an absence
  if (kind === 'office' && index === 2 && week === 1) return 'leave';
  return (week + index) % 7 === 0 ? 3 : 0;
}

async function seedMeetings(
  tx: TenantTx,
  writer: Writer,
  termId: string,
  departments: Map<DepartmentKind, string>,
  memberIds: Map<DepartmentKind, string[]>,
  now: Date,
): Promise<void> {
  const member = async (id: string): Promise<MemberView> => (await getMember(tx, id))!;
  for (let weeksAgo = 6; weeksAgo >= 1; weeksAgo--) {
    const week = 6 - weeksAgo;
    for (const [kind, departmentId] of departments) {
      const startsAt = eveningWeeksAgo(now, weeksAgo);
      const meeting = await demoEvent(tx, writer, termId, {
        kind: 'routine_meeting',
        title: `${DEPARTMENTS.find((d) => d.kind === kind)!.name}例会（第${week + 1}周）`,
        departmentId,
        startsAt,
      });
      const ids = memberIds.get(kind) ?? [];
      for (const [index, id] of ids.entries()) {
        const arrival = arrivalOf(week, index, kind);
        if (arrival === null) continue;
        if (arrival === 'leave') await requestLeave(tx, writer, meeting, await member(id), '课程考试');
        else
          await checkIn(
            tx,
            writer,
            meeting,
            await member(id),
            new Date(startsAt.getTime() + arrival * 60_000 - 60_000 * (arrival === 0 ? 2 : 0)),
          );
      }
      if (kind === 'office' && ids[1]) {
        await writeRecord(tx, writer, await member(ids[1]), {
          kind: 'minutes',
          eventId: meeting.id,
          facts: { recordKind: 'minutes', minutesRating: week % 3 === 0 ? 'excellent' : 'good' },
        });
      }
      await closeEvent(tx, writer, meeting);
    }
  }
  const publicity = memberIds.get('publicity') ?? [];
  const task = await demoEvent(tx, writer, termId, {
    kind: 'daily_task',
    title: '心理健康知识推文（本周）',
    departmentId: departments.get('publicity')!,
    startsAt: new Date(now.getTime() - 10 * DAY),
    endsAt: new Date(now.getTime() - 8 * DAY),
  });
  for (const [index, id] of publicity.slice(0, 3).entries()) {
    await submitTask(
      tx,
      writer,
      { ...task, status: 'open' },
      await member(id),
      new Date(now.getTime() - (9 - index) * DAY),
    );
  }
  await closeTask(tx, writer, { ...task, status: 'open' });
  const outreach = memberIds.get('outreach') ?? [];
  if (outreach[1]) {
    await writeRecord(tx, writer, await member(outreach[1]), {
      kind: 'reward',
      facts: { recordKind: 'reward', rewardKind: 'suggestion-adopted', requestedPoints: 5 },
      context: { note: '建议“心理委员联席会”被采纳' },
    });
  }
  const activities = memberIds.get('activities') ?? [];
  if (activities[3]) {
    await writeRecord(tx, writer, await member(activities[3]), {
      kind: 'finding:failedCourseThisTerm',
      facts: { failedCourseThisTerm: true },
      context: { note: '高等数学（上）不及格' },
    });
  }
}
