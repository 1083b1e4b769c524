import { schools } from '@xinqiao/db';
import { z } from 'zod';
import { defineJob } from '../../jobs/kind.ts';
import { schoolJobScope } from '../../jobs/runner-transaction.ts';
import { defineIntervalSchedule } from '../../jobs/schedule.ts';
import { notifyLate } from './notify.ts';
import { holdersOf, insertEvent, lateUnescalatedSteps, updateStep } from './queries.ts';

/** The RLS capability the sweep reads and marks its school's crisis steps with (no role holds it). */
export const CRISIS_SWEEP_CAPABILITY = 'crises.escalate';

/**
 * Escalates the late steps of open crises, school by school, each in its own transaction: every step past its due
 * time that nobody was told of is marked escalated (so it is told once), gets a timeline entry, and the people its
 * escalation names for the student are notified (in the app; outbound a count only), one notice per crisis. Safe to
 * run again: a marked step is not picked up twice.
 */
export const crisisEscalationJob = defineJob({
  name: 'crises.escalate',
  payload: z.object({}),
  retry: { maxAttempts: 3, backoffMs: (attempt: number) => attempt * 30_000 },
  async run(_payload, ctx) {
    const now = ctx.deps.clock();
    const all = await ctx.asJobRunner((tx) => tx.select({ id: schools.id }).from(schools));
    let escalated = 0;
    for (const school of all) {
      await ctx.inTenant(schoolJobScope(school.id, [CRISIS_SWEEP_CAPABILITY], ['/']), async (tx) => {
        const late = await lateUnescalatedSteps(tx, now);
        const byCrisis = new Map<string, typeof late>();
        for (const step of late) byCrisis.set(step.crisisId, [...(byCrisis.get(step.crisisId) ?? []), step]);
        for (const [crisisId, steps] of byCrisis) {
          const recipients = new Set<string>();
          for (const step of steps) {
            await updateStep(tx, step.id, { escalatedAt: now });
            await insertEvent(tx, {
              schoolId: school.id,
              crisisId,
              kind: 'step.escalated',
              actorId: null,
              detail: { step: step.code, dueAt: step.dueAt.toISOString() },
            });
            for (const person of await holdersOf(tx, step.escalateTo, step.placementPath))
              recipients.add(person);
          }
          await notifyLate(
            tx,
            school.id,
            crisisId,
            [...recipients],
            steps.map((s) => s.code),
          );
          escalated += steps.length;
        }
      });
    }
    if (escalated > 0) ctx.deps.log(`crises: ${escalated} late steps escalated`);
  },
});

/** Every minute: a step's deadline is counted in minutes (seed 003's 15-minute rule). */
export const crisisEscalationSweep = defineIntervalSchedule({
  name: 'crisis-escalation-sweep',
  kind: crisisEscalationJob,
  payload: {},
  everyMinutes: 1,
});
