import {
  type AreaFacts,
  type AreaId,
  type AreaResult,
  type CompiledPlugin,
  compilePlugin,
  evaluate,
  formatPolicyError,
  PolicyEvaluationError,
  PolicyFactsError,
} from '@xinqiao/policy';
import { type Message, message, problem } from '../../http/problem.ts';
import type { ActivePlugin } from '../plugins/catalog.ts';
import type { Employment, StaffRow } from './queries.ts';

/** The plugin's staff types, as the training-hours area names them. */
export type StaffType = 'full-time' | 'part-time';

const STAFF_TYPE: Record<Employment, StaffType> = { full_time: 'full-time', part_time: 'part-time' };

/** One area's figure: the facts the plugin was given and what it decided, so a browser can re-run and compare. */
export interface AreaFigure<A extends AreaId> {
  facts: AreaFacts<A>;
  result: AreaResult<A> & { firedRules: readonly string[] };
}

/** Why an area could not be computed (the plugin lacks it, the facts are out of its range, no rule applies). */
export interface AreaIssue {
  area: AreaId;
  /** Answered in the reader's language (see present.ts). */
  message: Message;
}

/** Everything the student affairs office sees for one academic year, as computed by the school's plugin. */
export interface StudentAffairsOverview {
  academicYear: number;
  /** Years that have an enrolment figure, newest first (the current year too, even when still empty). */
  academicYears: number[];
  plugin: { id: string; version: string };
  enrolment: number | null;
  staff: StaffRow[];
  staffing: (AreaFigure<'staffing-ratio'> & { partTimeStaff: number }) | null;
  funding: AreaFigure<'funding-formula'> | null;
  training: {
    /** Required yearly hours per staff type, null when the plugin sets none for that type. */
    requirements: Record<StaffType, number | null>;
    members: (AreaFigure<'training-hours'> & { staffId: string })[];
  } | null;
  issues: AreaIssue[];
}

const compiledBundles = new WeakMap<ActivePlugin, CompiledPlugin>();

/**
 * The compiled form of a school's active plugin: the loader's when the catalog has it, otherwise compiled once per
 * loaded bundle. Either way it is built from the very JSON the browser gets from `GET /api/plugins/active`, so the
 * server and a browser's what-if run the same rules.
 */
export function compiledPluginOf(active: ActivePlugin): CompiledPlugin {
  if (active.compiled) return active.compiled;
  const cached = compiledBundles.get(active);
  if (cached) return cached;
  const compiled = compilePlugin({ manifest: active.manifest, rules: active.rules });
  if (!compiled.ok) {
    const errors = compiled.errors.map(formatPolicyError).join('; ');
    throw problem('student-affairs.plugin-broken', { plugin: active.id, errors });
  }
  compiledBundles.set(active, compiled.plugin);
  return compiled.plugin;
}

type Outcome<A extends AreaId> = { figure: AreaFigure<A> } | { issue: AreaIssue };

async function figureOf<A extends AreaId>(
  plugin: CompiledPlugin,
  area: A,
  facts: AreaFacts<A>,
): Promise<Outcome<A>> {
  if (!plugin.provides(area)) {
    return { issue: { area, message: message('student-affairs.area-not-configured', { area }) } };
  }
  try {
    const {
      pluginId: _id,
      pluginVersion: _version,
      area: _area,
      overriddenRules: _o,
      ...result
    } = await evaluate(plugin, area, facts);
    return { figure: { facts, result: result as unknown as AreaFigure<A>['result'] } };
  } catch (error) {
    if (error instanceof PolicyFactsError || error instanceof PolicyEvaluationError) {
      return {
        issue: { area, message: message('student-affairs.plugin-refuses', { area, detail: error.message }) },
      };
    }
    throw error;
  }
}

/** The school's figures of one year, as input to {@link computeOverview}. */
export interface YearFigures {
  academicYear: number;
  academicYears: number[];
  enrolment: number | null;
  staff: StaffRow[];
}

/**
 * Computes staffing, funding and training compliance for one year with the school's plugin. An area the plugin
 * lacks, or facts it cannot decide on, leave that section null and say why in `issues`; the rest is still shown.
 *
 * @example
 * const overview = await computeOverview(plugin, { academicYear: 2025, academicYears: [2025], enrolment: 30000, staff });
 * overview.staffing?.result.requiredFullTimeStaff // 8 with a 1:4000 rule
 */
export async function computeOverview(
  plugin: CompiledPlugin,
  year: YearFigures,
): Promise<StudentAffairsOverview> {
  const issues: AreaIssue[] = [];
  const keep = <A extends AreaId>(outcome: Outcome<A>): AreaFigure<A> | null => {
    if ('issue' in outcome) {
      issues.push(outcome.issue);
      return null;
    }
    return outcome.figure;
  };
  const fullTime = year.staff.filter((s) => s.employment === 'full_time').length;
  const partTime = year.staff.length - fullTime;

  let staffing: StudentAffairsOverview['staffing'] = null;
  let funding: StudentAffairsOverview['funding'] = null;
  if (year.enrolment !== null) {
    const ratio = keep(
      await figureOf(plugin, 'staffing-ratio', { enrolment: year.enrolment, fullTimeStaff: fullTime }),
    );
    staffing = ratio ? { ...ratio, partTimeStaff: partTime } : null;
    funding = keep(await figureOf(plugin, 'funding-formula', { enrolment: year.enrolment }));
  }

  let training: StudentAffairsOverview['training'] = null;
  if (plugin.provides('training-hours')) {
    const requirements = { 'full-time': null, 'part-time': null } as Record<StaffType, number | null>;
    for (const staffType of Object.keys(requirements) as StaffType[]) {
      const outcome = await figureOf(plugin, 'training-hours', { staffType });
      requirements[staffType] = 'figure' in outcome ? outcome.figure.result.requiredHours : null;
    }
    const members: NonNullable<StudentAffairsOverview['training']>['members'] = [];
    for (const member of year.staff) {
      const facts = { staffType: STAFF_TYPE[member.employment], hours: member.trainingHours };
      const figure = keep(await figureOf(plugin, 'training-hours', facts));
      if (figure) members.push({ ...figure, staffId: member.id });
    }
    training = { requirements, members };
  } else {
    keep(await figureOf(plugin, 'training-hours', { staffType: 'full-time' }));
  }

  return {
    academicYear: year.academicYear,
    academicYears: year.academicYears,
    plugin: { id: plugin.id, version: plugin.version },
    enrolment: year.enrolment,
    staff: year.staff,
    staffing,
    funding,
    training,
    issues,
  };
}
