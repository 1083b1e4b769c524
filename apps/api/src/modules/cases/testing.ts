import { type CaseKind, cases, people, type Role, roleAssignments } from '@xinqiao/db';
import { hashPassword } from '../../auth/password.ts';
import { TEST_PASSWORD, type TestApp } from '../../testing/index.ts';
import { asWholeSchool } from '../students/fixtures.test-helpers.ts';

/**
 * Adds an account of school alpha holding `role` on `unitId`, signing in with the test password: a second
 * counsellor of a college, say, whom the shared test world does not have. Answers the person's id.
 */
export async function addAlphaAccount(
  t: TestApp,
  username: string,
  role: Role,
  unitId: string,
): Promise<string> {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const schoolId = t.world.schools.alpha.id;
  return asWholeSchool(t, 'alpha', async (tx) => {
    const [person] = await tx
      .insert(people)
      .values({ schoolId, username, displayName: `老师${username}`, passwordHash })
      .returning({ id: people.id });
    await tx.insert(roleAssignments).values({ schoolId, personId: person!.id, role, unitId });
    return person!.id;
  });
}

/**
 * Stores a case of school alpha as if opened `daysAgo` days before now (the API opens cases only today): a
 * follow-up waiting unassigned unless `responsiblePersonId` is given.
 */
export async function storeAlphaCase(
  t: TestApp,
  values: {
    studentId: string;
    kind?: CaseKind;
    title?: string;
    responsiblePersonId?: string | null;
    dueDate?: string;
    selfHarm?: boolean;
    daysAgo?: number;
    status?: 'open' | 'in_progress' | 'closed';
  },
): Promise<string> {
  const createdAt = new Date(Date.now() - (values.daysAgo ?? 0) * 86_400_000);
  const [row] = await asWholeSchool(t, 'alpha', (tx) =>
    tx
      .insert(cases)
      .values({
        schoolId: t.world.schools.alpha.id,
        studentId: values.studentId,
        kind: values.kind ?? 'follow_up',
        title: values.title ?? '一级关注随访',
        responsiblePersonId: values.responsiblePersonId ?? null,
        dueDate: values.dueDate ?? null,
        selfHarm: values.selfHarm ?? false,
        status: values.status ?? 'open',
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: cases.id }),
  );
  return row!.id;
}
