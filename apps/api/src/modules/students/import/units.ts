import { type TenantTx, units } from '@xinqiao/db';
import { inArray } from 'drizzle-orm';
import { type Message, message } from '../../../http/problem.ts';

interface PlacementUnit {
  id: string;
  name: string;
  path: string;
}

/** Where a row's names put the student, or which of its names did not resolve and why. */
export type Placement =
  | { ok: true; collegeUnitId: string; classUnitId: string; dormUnitId: string | null; path: string }
  | { ok: false; column: 'college' | 'className' | 'dorm'; reason: Message };

/**
 * Resolves college, class and dorm names to the school's units: the college among the school's colleges, the
 * class among the classes inside that college, the dorm among the dorms inside that class. Names match after
 * trimming; two units with one name where the row must pick one is an error of the row, never a guess.
 */
export class PlacementResolver {
  private constructor(
    private readonly colleges: Map<string, PlacementUnit[]>,
    private readonly classes: Map<string, PlacementUnit[]>,
    private readonly dorms: Map<string, PlacementUnit[]>,
  ) {}

  /** Loads the college, class and dorm units of the caller's school (units are visible school-wide). */
  static async load(tx: TenantTx): Promise<PlacementResolver> {
    const rows = await tx
      .select({ id: units.id, name: units.name, path: units.path, levelKey: units.levelKey })
      .from(units)
      .where(inArray(units.levelKey, ['college', 'class', 'dorm']));
    const byLevel = { college: new Map(), class: new Map(), dorm: new Map() } as Record<
      string,
      Map<string, PlacementUnit[]>
    >;
    for (const row of rows) {
      const byName = byLevel[row.levelKey]!;
      const name = row.name.trim();
      byName.set(name, [...(byName.get(name) ?? []), row]);
    }
    return new PlacementResolver(byLevel.college!, byLevel.class!, byLevel.dorm!);
  }

  /**
   * The units a row names.
   *
   * @example
   * resolver.resolve('基础医学院', '临床2024级1班', '3号楼201室'); // { ok: true, collegeUnitId, ... }
   */
  resolve(collegeName: string, className: string, dormName: string | undefined): Placement {
    const college = pick(this.colleges.get(collegeName), '');
    if (!college) {
      return { ok: false, column: 'college', reason: message('import.no-college', { college: collegeName }) };
    }
    if (college === 'ambiguous') {
      return {
        ok: false,
        column: 'college',
        reason: message('import.ambiguous-college', { college: collegeName }),
      };
    }
    const klass = pick(this.classes.get(className), college.path);
    if (!klass) {
      return {
        ok: false,
        column: 'className',
        reason: message('import.no-class', { college: collegeName, className }),
      };
    }
    if (klass === 'ambiguous') {
      return {
        ok: false,
        column: 'className',
        reason: message('import.ambiguous-class', { college: collegeName, className }),
      };
    }
    if (!dormName) {
      return {
        ok: true,
        collegeUnitId: college.id,
        classUnitId: klass.id,
        dormUnitId: null,
        path: klass.path,
      };
    }
    const dorm = pick(this.dorms.get(dormName), klass.path);
    if (!dorm) {
      return { ok: false, column: 'dorm', reason: message('import.no-dorm', { className, dorm: dormName }) };
    }
    if (dorm === 'ambiguous') {
      return {
        ok: false,
        column: 'dorm',
        reason: message('import.ambiguous-dorm', { className, dorm: dormName }),
      };
    }
    return {
      ok: true,
      collegeUnitId: college.id,
      classUnitId: klass.id,
      dormUnitId: dorm.id,
      path: dorm.path,
    };
  }
}

/** The one unit of these inside `underPath`, undefined if none, 'ambiguous' if several. */
function pick(
  candidates: PlacementUnit[] | undefined,
  underPath: string,
): PlacementUnit | 'ambiguous' | undefined {
  const inside = (candidates ?? []).filter((unit) => unit.path.startsWith(underPath));
  if (inside.length > 1) return 'ambiguous';
  return inside[0];
}
