import { type Database, schools } from '@xinqiao/db';
import { runInTransaction } from '@xinqiao/db/internal-tenant-tx-do-not-import';
import { asc } from 'drizzle-orm';

/** A school as the sign-in form lists it. */
export interface SchoolEntry {
  code: string;
  name: string;
  nameEn: string;
}

/**
 * The schools on this platform in code order, read before anyone signs in (RLS lets the application role read
 * the school directory unscoped, and nothing else). The sign-in form offers them; the server prints them at start.
 *
 * @example
 * ```ts
 * await listSchoolDirectory(db); // [{ code: 'hrbmu', name: '哈尔滨医科大学', nameEn: 'Harbin Medical University' }, …]
 * ```
 */
export function listSchoolDirectory(db: Database): Promise<SchoolEntry[]> {
  return runInTransaction(db, (tx) =>
    tx
      .select({ code: schools.code, name: schools.name, nameEn: schools.nameEn })
      .from(schools)
      .orderBy(asc(schools.code)),
  );
}
