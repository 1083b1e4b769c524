import { screeningResponses, screeningWaves, students, type TenantTx } from '@xinqiao/db';
import { and, eq } from 'drizzle-orm';

/** A submitted response with its wave's name and the student's placement (the job's scope reads every student). */
export async function submittedResponse(tx: TenantTx, responseId: string) {
  const [row] = await tx
    .select({
      waveId: screeningResponses.waveId,
      waveName: screeningWaves.name,
      studentId: screeningResponses.studentId,
      placementPath: students.placementPath,
      instrument: screeningResponses.instrument,
      answers: screeningResponses.answers,
      askedForCounselling: screeningResponses.askedForCounselling,
      submittedAt: screeningResponses.submittedAt,
    })
    .from(screeningResponses)
    .innerJoin(screeningWaves, eq(screeningWaves.id, screeningResponses.waveId))
    .innerJoin(students, eq(students.id, screeningResponses.studentId))
    .where(and(eq(screeningResponses.id, responseId), eq(screeningResponses.status, 'submitted')));
  return row;
}
