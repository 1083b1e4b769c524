import { chinaToday } from '@xinqiao/calendar';
import { crises, queryRows, schools, type TenantTx, warnings } from '@xinqiao/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { callerFor } from '../../auth/caller.ts';
import { loadAccount, scopeOf } from '../../auth/scope.ts';
import { defineJob, type JobContext } from '../../jobs/kind.ts';
import { schoolJobScope as schoolJobScopeFor } from '../../jobs/runner-transaction.ts';
import { defineDailySchedule } from '../../jobs/schedule.ts';
import { openCrisis } from '../crises/service.ts';
import { notify } from '../notifications/notify.ts';
import { schoolCalendar } from '../screening/calendar/service.ts';
import { type EvaluationOutcome, evaluateWarnings, type RaisedWarning } from './evaluate.ts';
import { deleteExpiredFeedRows } from './retention.ts';
import { WarningRules } from './rules.ts';
import { warningSettingsOf } from './settings.ts';

/** The RLS capability of the evaluation and the retention job: the import role, which alone reads raw rows. */
export const FEEDS_CAPABILITY = 'feeds.raw';
/** Where a counsellor handles warnings. */
export const WARNINGS_LINK = '/college-station/warnings';

/** The counsellors of each student's branch: a counsellor role on a unit whose path starts the student's path. */
async function counsellorsOf(tx: TenantTx, raised: readonly RaisedWarning[]): Promise<Map<string, string[]>> {
  const holders = await queryRows<{ person: string; path: string }>(
    tx,
    sql`SELECT ra.person_id AS person, u.path FROM role_assignments ra
        JOIN units u ON u.id = ra.unit_id JOIN people p ON p.id = ra.person_id
        WHERE ra.role = 'counsellor' AND NOT p.disabled ORDER BY p.username`,
  );
  return new Map(
    raised.map((w) => [w.id, holders.filter((h) => w.placementPath.startsWith(h.path)).map((h) => h.person)]),
  );
}

/**
 * Tells each counsellor at once: new warnings as one notice per counsellor with the count and the earliest
 * deadline; lost contact past the limit as an urgent notice of its own (outbound: counts and dates only).
 */
async function tellCounsellors(tx: TenantTx, schoolId: string, outcome: EvaluationOutcome): Promise<void> {
  const all = [...outcome.opened, ...outcome.urgentNow];
  if (all.length === 0) return;
  const counsellors = await counsellorsOf(tx, all);
  const tally = (list: readonly RaisedWarning[]) => {
    const per = new Map<string, { count: number; dueOn: string }>();
    for (const w of list) {
      for (const person of counsellors.get(w.id) ?? []) {
        const seen = per.get(person);
        per.set(person, {
          count: (seen?.count ?? 0) + 1,
          dueOn: seen && seen.dueOn < w.dueOn ? seen.dueOn : w.dueOn,
        });
      }
    }
    return per;
  };
  for (const [person, { count, dueOn }] of tally(outcome.opened.filter((w) => !w.urgent))) {
    await notify(tx, {
      schoolId,
      recipients: [person],
      kind: 'warnings.raised',
      params: { count, dueOn },
      link: WARNINGS_LINK,
      outbound: { count, dueOn },
    });
  }
  for (const [person, { count }] of tally(outcome.urgentNow)) {
    await notify(tx, {
      schoolId,
      recipients: [person],
      kind: 'warnings.lost-contact',
      params: { count },
      link: WARNINGS_LINK,
      outbound: { count },
    });
  }
}

/**
 * Opens a crisis, as the plugin says, for each urgent lost-contact warning without one: as the student's first
 * counsellor (the crisis names an opener), linked on the warning; a student whose crisis is already open gets that
 * one linked instead. Picks up what a previous try left, so it is safe to run again.
 */
async function openLostContactCrises(ctx: JobContext, schoolId: string, level: string, today: string) {
  const plugin = await pluginOf(ctx, schoolId);
  // Who opens each crisis is read first; each crisis then opens in the opener's own transaction (one at a time:
  // PGlite has one connection, so transactions never nest).
  const pending = await ctx.inTenant(schoolJobScopeFor(schoolId, [FEEDS_CAPABILITY], ['/']), async (tx) => {
    const rows = await tx
      .select({
        id: warnings.id,
        studentId: warnings.studentId,
        path: sql<string>`(SELECT placement_path FROM students WHERE id = ${warnings.studentId})`,
      })
      .from(warnings)
      .where(
        and(
          eq(warnings.status, 'open'),
          eq(warnings.urgent, true),
          eq(warnings.module, 'lost-contact'),
          isNull(warnings.crisisId),
        ),
      );
    const openers = await counsellorsOf(
      tx,
      rows.map((row) => ({ id: row.id, placementPath: row.path }) as RaisedWarning),
    );
    const withOpener = [];
    for (const row of rows) {
      const [opener] = openers.get(row.id) ?? [];
      const account = opener ? await loadAccount(tx, schoolId, opener) : undefined;
      if (account) withOpener.push({ ...row, account });
    }
    return withOpener;
  });
  for (const warning of pending) {
    const { account } = warning;
    const scope = scopeOf(schoolId, account.person.id, account.roles);
    await ctx.inTenant(scope, async (own) => {
      const [already] = await own
        .select({ id: crises.id })
        .from(crises)
        .where(and(eq(crises.studentId, warning.studentId), eq(crises.status, 'open')));
      const me = { person: account.person, school: account.school, roles: account.roles, csrfToken: '' };
      const crisisId =
        already?.id ??
        (await openCrisis(
          callerFor(own, me, scope, '失联预警启动危机干预 / lost contact opens a crisis'),
          {
            studentId: warning.studentId,
            level: level as 'general',
            situation: `失联预警：截至 ${today} 超过学校规定天数无任何校园活动记录 / Lost contact: no campus activity beyond the school's limit`,
          },
          plugin,
          ctx.deps.clock(),
        ));
      await own.update(warnings).set({ crisisId }).where(eq(warnings.id, warning.id));
    });
  }
}

async function pluginOf(ctx: JobContext, schoolId: string) {
  const [school] = await ctx.asJobRunner((tx) =>
    tx.select({ code: schools.code }).from(schools).where(eq(schools.id, schoolId)),
  );
  return school ? ctx.deps.plugins.active(school.code)?.compiled : undefined;
}

/**
 * Evaluates one school's warnings (a feed changed, or the day turned): signals, rules, warnings, notices, crises.
 * A school whose plugin has no early-warning area is skipped.
 */
export async function runSchoolEvaluation(
  ctx: JobContext,
  schoolId: string,
): Promise<EvaluationOutcome | undefined> {
  const plugin = await pluginOf(ctx, schoolId);
  if (!plugin?.provides('early-warning')) return undefined;
  const settings = await warningSettingsOf(plugin, plugin.id);
  const now = ctx.deps.clock();
  const today = chinaToday(now);
  const outcome = await ctx.inTenant(schoolJobScopeFor(schoolId, [FEEDS_CAPABILITY], ['/']), async (tx) => {
    const result = await evaluateWarnings(tx, {
      schoolId,
      rules: new WarningRules(plugin),
      settings,
      calendar: await schoolCalendar(tx),
      today,
      now,
    });
    await tellCounsellors(tx, schoolId, result);
    return result;
  });
  if (settings.lostContact.crisisLevel)
    await openLostContactCrises(ctx, schoolId, settings.lostContact.crisisLevel, today);
  ctx.deps.log(
    `warnings: ${outcome.students} students evaluated, ${outcome.opened.length} opened, ${outcome.updated} updated, ${outcome.cleared} cleared`,
  );
  return outcome;
}

/** Evaluates the school's warnings after a feed changed. Enqueued with the feed's batch. */
export const evaluateWarningsJob = defineJob({
  name: 'warnings.evaluate',
  payload: z.object({}),
  retry: { maxAttempts: 5, backoffMs: (attempt: number) => attempt * 30_000 },
  async run(_payload, ctx) {
    if (ctx.job.schoolId) await runSchoolEvaluation(ctx, ctx.job.schoolId);
  },
});

/**
 * Every school, daily: raw card transactions and activity events older than the plugin's retention are deleted,
 * then warnings are evaluated again (days without activity grow while no feed arrives).
 */
export const dailyWarningsJob = defineJob({
  name: 'warnings.daily',
  payload: z.object({}),
  retry: { maxAttempts: 3, backoffMs: () => 10 * 60_000 },
  async run(_payload, ctx) {
    const all = await ctx.asJobRunner((tx) =>
      tx.select({ id: schools.id, code: schools.code }).from(schools),
    );
    for (const school of all) {
      const plugin = ctx.deps.plugins.active(school.code)?.compiled;
      if (!plugin?.provides('early-warning')) continue;
      const { retention } = await warningSettingsOf(plugin, school.code);
      const deleted = await ctx.inTenant(schoolJobScopeFor(school.id, [FEEDS_CAPABILITY], ['/']), (tx) =>
        deleteExpiredFeedRows(tx, ctx.deps.clock(), retention.rawDays),
      );
      if (deleted > 0)
        ctx.deps.log(`warnings: ${deleted} raw feed rows of ${school.code} past retention deleted`);
      await runSchoolEvaluation(ctx, school.id);
    }
  },
});

/** 04:10 China time, after the platform's clean-up. */
export const dailyWarningsSchedule = defineDailySchedule({
  name: 'warnings-daily',
  kind: dailyWarningsJob,
  payload: {},
  at: '04:10',
});
