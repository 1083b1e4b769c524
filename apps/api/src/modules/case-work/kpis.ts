import { toChinaDate } from '@xinqiao/calendar';
import { type Caller, requirePermission } from '../../auth/caller.ts';
import type { KeyStudentPolicy } from '../key-students/policy.ts';
import { rosterOf } from '../key-students/service.ts';
import { concernTriages, tier1FollowUps } from './queries.ts';

/** A share: how many of how many, and the ratio (null when there is nothing to count). */
export interface Share {
  done: number;
  total: number;
  share: number | null;
}

/** The three figures that follow from the work, for one college or the school. */
export interface CaseWorkFigures {
  /** Tier-1 follow-ups whose first talk was held by the due date, of those due by today or already talked to. */
  tier1TalksInTime: Share;
  /** Concern reports triaged by their deadline, of those whose deadline passed or that were triaged. */
  concernsTriagedInTime: Share;
  /** Key students with a talk in the last interval (a week), of the roster. */
  keyStudentsTalkedThisWeek: Share;
}

export interface CollegeFigures extends CaseWorkFigures {
  collegeId: string;
  collegeName: string;
}

export interface CaseWorkKpis {
  colleges: CollegeFigures[];
  school: CaseWorkFigures;
}

/** One countable thing: its college and whether it counts (`counted`) and was done in time (`done`). */
interface Tally {
  collegeId: string;
  collegeName: string;
  counted: boolean;
  done: boolean;
}

type Measure = keyof CaseWorkFigures;

function shareOf(tallies: readonly Tally[]): Share {
  const counted = tallies.filter((t) => t.counted);
  const done = counted.filter((t) => t.done).length;
  return { done, total: counted.length, share: counted.length ? done / counted.length : null };
}

function figuresOf(byMeasure: Record<Measure, readonly Tally[]>): CaseWorkFigures {
  return {
    tier1TalksInTime: shareOf(byMeasure.tier1TalksInTime),
    concernsTriagedInTime: shareOf(byMeasure.concernsTriagedInTime),
    keyStudentsTalkedThisWeek: shareOf(byMeasure.keyStudentsTalkedThisWeek),
  };
}

/** The figures per college (sorted by name) and for everything the caller sees. */
export function tallyKpis(byMeasure: Record<Measure, readonly Tally[]>): CaseWorkKpis {
  const names = new Map<string, string>();
  for (const tally of Object.values(byMeasure).flat()) names.set(tally.collegeId, tally.collegeName);
  const colleges = [...names]
    .sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))
    .map(([collegeId, collegeName]) => {
      const mine = (list: readonly Tally[]) => list.filter((t) => t.collegeId === collegeId);
      return {
        collegeId,
        collegeName,
        ...figuresOf({
          tier1TalksInTime: mine(byMeasure.tier1TalksInTime),
          concernsTriagedInTime: mine(byMeasure.concernsTriagedInTime),
          keyStudentsTalkedThisWeek: mine(byMeasure.keyStudentsTalkedThisWeek),
        }),
      };
    });
  return { colleges, school: figuresOf(byMeasure) };
}

/**
 * The case-work KPIs of what the caller sees in full (RLS: a station head their college, the center the school):
 * a tier-1 talk counts by the day it was held (China time) against the follow-up's due date; a report by its
 * triage time against its deadline; a key student by a talk within the plugin's interval (`key-students`; a week)
 * before now.
 */
export async function caseWorkKpis(
  caller: Caller,
  policy: KeyStudentPolicy,
  now: Date,
): Promise<CaseWorkKpis> {
  requirePermission(caller, 'case-work.kpis');
  const today = toChinaDate(now);
  const talks = (await tier1FollowUps(caller.tx)).map((f) => {
    const heldOn = f.firstTalkAt ? toChinaDate(f.firstTalkAt) : null;
    const due = f.dueDate !== null && f.dueDate < today;
    return {
      ...f,
      counted: due || heldOn !== null,
      done: heldOn !== null && (f.dueDate === null || heldOn <= f.dueDate),
    };
  });
  const reports = (await concernTriages(caller.tx)).map((r) => ({
    ...r,
    counted: r.triagedAt !== null || r.dueAt.getTime() < now.getTime(),
    done: r.triagedAt !== null && r.triagedAt.getTime() <= r.dueAt.getTime(),
  }));
  const weekAgo = now.getTime() - policy.talkIntervalDays * 86_400_000;
  const keyStudents = (await rosterOf(caller, policy, now)).map((k) => ({
    collegeId: k.collegeId,
    collegeName: k.collegeName,
    counted: true,
    done: k.lastTalkAt !== null && k.lastTalkAt.getTime() >= weekAgo,
  }));
  return tallyKpis({
    tier1TalksInTime: talks,
    concernsTriagedInTime: reports,
    keyStudentsTalkedThisWeek: keyStudents,
  });
}
