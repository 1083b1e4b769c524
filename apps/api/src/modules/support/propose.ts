import type { SupportCategoryRow, SupportFactRow } from '@xinqiao/db';
import { type CompiledPlugin, evaluate, type SupportFacts, type SupportResult } from '@xinqiao/policy';
import { problem } from '../../http/problem.ts';
import type { ClassFactsRow } from './queries.ts';

const HARDSHIP_ZH: Record<string, string> = { special: '特别困难', hardship: '困难', general: '一般困难' };

/** The `support-targets` facts of one student and where each came from, as shown beside the categories. */
export function factsOf(row: ClassFactsRow): { facts: SupportFacts; shown: SupportFactRow[] } {
  const failed = row.has_feed ? row.feed_failed : (row.entered_failed ?? 0);
  const identified = row.attention_cases > 0 || (row.tier !== null && row.tier <= 2);
  const facts: SupportFacts = {
    failedCourseCount: failed,
    disciplinarySanction: row.sanctions !== null,
    requestedPsychologicalHelp: row.support_cases > 0,
    identifiedByCrisisPrevention: identified,
    economicHardshipCertified: row.hardship !== null,
    extremeThinkingOrAbnormalBehaviour: row.concerns > 0,
  };
  const shown: SupportFactRow[] = [];
  if (failed > 0) {
    shown.push({
      fact: 'failedCourseCount',
      value: failed,
      source: row.has_feed ? 'grades-feed' : 'entered',
      detail: row.has_feed
        ? `教务成绩：不及格 ${failed} 门次${row.failed_names ? `（${row.failed_names}）` : ''}`
        : `班主任录入：不及格 ${failed} 门次`,
    });
  }
  if (row.sanctions) {
    shown.push({
      fact: 'disciplinarySanction',
      value: true,
      source: 'sanctions',
      detail: `处分：${row.sanctions}`,
    });
  }
  if (row.support_cases > 0) {
    shown.push({
      fact: 'requestedPsychologicalHelp',
      value: true,
      source: 'cases',
      detail: `在办心理帮扶个案 ${row.support_cases} 件`,
    });
  }
  if (identified) {
    const parts = [
      row.tier !== null && row.tier <= 2 ? `最近一次筛查为${row.tier}级关注` : '',
      row.attention_cases > 0 ? `在办随访/危机个案 ${row.attention_cases} 件` : '',
    ].filter(Boolean);
    shown.push({
      fact: 'identifiedByCrisisPrevention',
      value: true,
      source: 'screening',
      detail: parts.join('；'),
    });
  }
  if (row.hardship) {
    shown.push({
      fact: 'economicHardshipCertified',
      value: true,
      source: 'hardship',
      detail: `本学期家庭经济困难认定：${HARDSHIP_ZH[row.hardship] ?? row.hardship}`,
    });
  }
  if (row.concerns > 0) {
    shown.push({
      fact: 'extremeThinkingOrAbnormalBehaviour',
      value: true,
      source: 'concerns',
      detail: `近半年关注报告 ${row.concerns} 份`,
    });
  }
  return { facts, shown };
}

/** The rules' answer for one student, in the shape stored on the entry. */
export interface Proposal {
  studentId: string;
  supported: boolean;
  categories: SupportCategoryRow[];
  facts: SupportFactRow[];
  parentContact: { zh: string; en: string; ruleName: string; withinDays: number } | null;
}

/** The school's plugin with `support-targets` (409 when it has none). */
export function supportPluginOf(plugin: CompiledPlugin | undefined, schoolCode: string): CompiledPlugin {
  if (!plugin?.areas.includes('support-targets')) throw problem('support.no-rules', { school: schoolCode });
  return plugin;
}

const toCategories = (result: SupportResult): SupportCategoryRow[] =>
  result.categories.map((c) => ({ category: c.category, ruleName: c.ruleName, zh: c.zh, en: c.en }));

/** Runs the school's `support-targets` rules over each student's facts. */
export async function propose(plugin: CompiledPlugin, rows: readonly ClassFactsRow[]): Promise<Proposal[]> {
  const proposals: Proposal[] = [];
  for (const row of rows) {
    const { facts, shown } = factsOf(row);
    const result = await evaluate(plugin, 'support-targets', facts);
    proposals.push({
      studentId: row.student_id,
      supported: result.supported,
      categories: toCategories(result),
      facts: shown,
      parentContact: result.parentContact
        ? {
            zh: result.parentContact.zh,
            en: result.parentContact.en,
            ruleName: result.parentContact.ruleName,
            withinDays: result.parentContact.withinDays,
          }
        : null,
    });
  }
  return proposals;
}

/** The school's settings that do not depend on a student: the plan deadline and the coverage target. */
export async function schoolSettings(plugin: CompiledPlugin) {
  const result = await evaluate(plugin, 'support-targets', { failedCourseCount: 0, schoolSettings: true });
  return { planDeadline: result.planDeadline, coverageTarget: result.coverageTarget };
}

/** Days after confirmation the plan is due when the school's rules set no deadline. */
export const DEFAULT_PLAN_DAYS = 14;
