import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '@xinqiao/db';
import {
  AREA_CONTRACTS,
  type CompiledPlugin,
  evaluate,
  SANCTION_LEVELS,
  type TermFacts,
} from '@xinqiao/policy';
import { baseScoreOf } from './base-score.ts';
import {
  DEPARTMENT_FINDINGS,
  type DepartmentFinding,
  MEMBER_FINDINGS,
  type MemberFinding,
  RECORD_KIND,
} from './kinds.ts';
import { detailsOf } from './ledger.ts';
import { presentDepartment, presentTerm } from './present.ts';
import { pricingProblem } from './pricing.ts';
import { type EventRow, listEvents } from './queries/events.ts';
import { type LedgerRow, liveEntriesOfTerm } from './queries/ledger.ts';
import { listMembers, type MemberView } from './queries/members.ts';
import { recordsOfTerm } from './queries/records.ts';
import { type DepartmentRow, listDepartments, type TermRow } from './queries/structure.ts';
import { pluginFactsOf, recordCounts } from './records.ts';
import type {
  BackedReasonSchema,
  DepartmentStandingSchema,
  MemberStandingSchema,
  SanctionSchema,
  TermEvaluationSchema,
  TermStandingsSchema,
} from './responses.ts';

/** A reason with the rule that gave it and the records (or department findings) behind it. */
export type BackedReason = z.infer<typeof BackedReasonSchema>;
/** A sanction of a member: from the term's counts (article 7 ladder) or carried by one record (careless work). */
export type MemberSanction = z.infer<typeof SanctionSchema>;
/** What the plugin's `term-sanctions` area says about a member for the term. */
export type TermEvaluation = z.infer<typeof TermEvaluationSchema>;
/** A member's place in the term. */
export type MemberStanding = z.infer<typeof MemberStandingSchema>;
/** A department's place in the term: its members' average score, its warnings. */
export type DepartmentStanding = z.infer<typeof DepartmentStandingSchema>;
/** The term sheet: every member's score, rank, sanctions and eligibility, and the departments' standing. */
export type TermStandings = z.infer<typeof TermStandingsSchema>;

type Sources = Map<string, string[]>;

function addSource(sources: Sources, fact: string, id: string): void {
  const list = sources.get(fact) ?? [];
  list.push(id);
  sources.set(fact, list);
}

/** A member's term facts and the records behind each fact. */
interface Gathered {
  facts: Record<string, unknown>;
  sources: Sources;
  recordSanctions: MemberSanction[];
  points: number;
}

function factsOfMember(
  member: MemberView,
  entries: readonly LedgerRow[],
  records: readonly { id: string; kind: string; facts: Record<string, unknown> }[],
): Gathered {
  const facts: Record<string, unknown> = {
    subject: 'member',
    memberRole: member.memberRole,
    lateCount: 0,
    absenceCount: 0,
    noMinutesCount: 0,
    failedCourseThisTerm: false,
  };
  const sources: Sources = new Map();
  const recordSanctions: MemberSanction[] = [];
  let points = 0;
  for (const entry of entries) {
    points += entry.delta;
    const details = detailsOf(entry);
    for (const counter of details.counts ?? []) {
      facts[counter] = Number(facts[counter] ?? 0) + 1;
      if (entry.recordId) addSource(sources, counter, entry.recordId);
    }
    if (details.sanction && entry.recordId) {
      recordSanctions.push({
        level: details.sanction,
        from: 'record',
        ruleName: entry.ruleName,
        zh: entry.reason,
        en: details.en ?? entry.reason,
        recordIds: [entry.recordId],
      });
    }
  }
  for (const record of records) addFinding(facts, sources, record);
  return { facts, sources, recordSanctions, points };
}

function addFinding(
  facts: Record<string, unknown>,
  sources: Sources,
  record: { id: string; kind: string; facts: Record<string, unknown> },
): void {
  if (record.kind === RECORD_KIND.mistake && record.facts.mistakeKind === 'serious-mistake') {
    facts.majorMistakeCount = Number(facts.majorMistakeCount ?? 0) + 1;
    addSource(sources, 'majorMistakeCount', record.id);
    return;
  }
  if (!record.kind.startsWith('finding:')) return;
  const finding = record.kind.slice('finding:'.length) as MemberFinding;
  if (finding === 'propertyDamageMinor' || finding === 'propertyDamageSerious') {
    if (facts.propertyDamage !== 'serious')
      facts.propertyDamage = finding === 'propertyDamageSerious' ? 'serious' : 'minor';
    addSource(sources, 'propertyDamage', record.id);
  } else if (MEMBER_FINDINGS[finding] === 'flag') {
    facts[finding] = true;
    addSource(sources, finding, record.id);
  } else if (MEMBER_FINDINGS[finding] === 'count') {
    facts[finding] = Number(facts[finding] ?? 0) + 1;
    addSource(sources, finding, record.id);
  }
}

const testedFactsCache = new WeakMap<CompiledPlugin, Map<string, Set<string>>>();

function collectFacts(condition: unknown, into: Set<string>): void {
  if (!condition || typeof condition !== 'object') return;
  const node = condition as Record<string, unknown>;
  if (typeof node.fact === 'string') into.add(node.fact);
  for (const key of ['all', 'any'])
    if (Array.isArray(node[key])) for (const c of node[key]) collectFacts(c, into);
  if (node.not) collectFacts(node.not, into);
}

/** The given facts each term-sanctions rule tests (derived facts expanded to the facts they come from). */
function testedFacts(plugin: CompiledPlugin): Map<string, Set<string>> {
  const cached = testedFactsCache.get(plugin);
  if (cached) return cached;
  const inputs = AREA_CONTRACTS['term-sanctions'].derived?.inputs ?? {};
  const byRule = new Map<string, Set<string>>();
  for (const rule of plugin.ruleSet('term-sanctions')?.rules ?? []) {
    const direct = new Set<string>();
    collectFacts(rule.conditions, direct);
    const expanded = new Set<string>();
    for (const fact of direct) for (const given of inputs[fact] ?? [fact]) expanded.add(given);
    byRule.set(rule.name, expanded);
  }
  testedFactsCache.set(plugin, byRule);
  return byRule;
}

function recordsBehind(plugin: CompiledPlugin, ruleName: string, sources: Sources): string[] {
  const ids = new Set<string>();
  for (const fact of testedFacts(plugin).get(ruleName) ?? [])
    for (const id of sources.get(fact) ?? []) ids.add(id);
  return [...ids];
}

/**
 * Evaluates a member's term with the plugin's `term-sanctions` area: the late-to-absence conversion by role,
 * the sanctions (with the records behind each, plus sanctions single records carry) and evaluation eligibility.
 */
async function evaluateMember(plugin: CompiledPlugin, gathered: Gathered): Promise<TermEvaluation> {
  let decision: Awaited<ReturnType<typeof evaluate<'term-sanctions'>>>;
  try {
    decision = await evaluate(plugin, 'term-sanctions', gathered.facts as TermFacts);
  } catch (error) {
    throw pricingProblem(error);
  }
  const backed = (reason: { ruleName: string; zh: string; en: string }): BackedReason => ({
    ruleName: reason.ruleName,
    zh: reason.zh,
    en: reason.en,
    recordIds: recordsBehind(plugin, reason.ruleName, gathered.sources),
  });
  const sanctions: MemberSanction[] = [
    ...decision.sanctions.map((s) => ({ ...backed(s), level: s.level, from: 'term' as const })),
    ...gathered.recordSanctions,
  ].sort((a, b) => SANCTION_LEVELS.indexOf(b.level) - SANCTION_LEVELS.indexOf(a.level));
  return {
    facts: gathered.facts,
    sanction: sanctions[0]?.level ?? null,
    sanctions,
    eligibleForEvaluation: decision.eligibleForEvaluation !== false,
    ineligibility: decision.ineligibility.map(backed),
    lateConversion: decision.lateConversion ? { ...decision.lateConversion } : null,
  };
}

/** Competition ranks (1, 2, 2, 4) of scores, highest first. */
export function ranksOf(scores: readonly number[]): number[] {
  return scores.map((score) => 1 + scores.filter((other) => other > score).length);
}

async function departmentWarnings(
  plugin: CompiledPlugin,
  department: DepartmentRow,
  findings: readonly EventRow[],
): Promise<DepartmentStanding['warnings']> {
  const facts: Record<string, unknown> = { subject: 'department' };
  const sources = new Map<string, string[]>();
  for (const event of findings) {
    if (event.departmentId !== department.id) continue;
    const counter = event.kind.slice('finding:'.length) as DepartmentFinding;
    if (!DEPARTMENT_FINDINGS.includes(counter)) continue;
    facts[counter] = Number(facts[counter] ?? 0) + 1;
    addSource(sources, counter, event.id);
  }
  let decision: Awaited<ReturnType<typeof evaluate<'term-sanctions'>>>;
  try {
    decision = await evaluate(plugin, 'term-sanctions', facts as TermFacts);
  } catch (error) {
    throw pricingProblem(error);
  }
  return decision.departmentWarnings.map((warning) => {
    const eventIds = recordsBehind(plugin, warning.ruleName, sources);
    return { ruleName: warning.ruleName, zh: warning.zh, en: warning.en, recordIds: [], eventIds };
  });
}

/**
 * The term sheet: each active member's score (the plugin's base plus the ledger), ranks in the alliance and in the
 * department, the term-sanctions decision with the records behind each sanction; each department's average and
 * warnings. Everything is derived from the ledger and the records on every call: nothing derived is stored.
 *
 * @example
 * const sheet = await termStandings(tx, plugin, term);
 * sheet.members[0].score; // 70 + the member's entries
 */
export async function termStandings(
  tx: TenantTx,
  plugin: CompiledPlugin,
  term: TermRow,
): Promise<TermStandings> {
  const [members, entries, records, departments, events] = await Promise.all([
    listMembers(tx, term.id),
    liveEntriesOfTerm(tx, term.id),
    recordsOfTerm(tx, term.id),
    listDepartments(tx),
    listEvents(tx, term.id),
  ]);
  const base = await baseScoreOf(plugin);
  const entriesBy = groupBy(entries, (e) => e.memberId);
  const recordsBy = groupBy(
    records
      .filter(recordCounts)
      .map((r) => ({ id: r.id, kind: r.kind, memberId: r.memberId, facts: pluginFactsOf(r) })),
    (r) => r.memberId,
  );
  const evaluated: Omit<MemberStanding, 'rankInAlliance' | 'rankInDepartment'>[] = [];
  for (const member of members) {
    const gathered = factsOfMember(member, entriesBy.get(member.id) ?? [], recordsBy.get(member.id) ?? []);
    evaluated.push({
      member: {
        id: member.id,
        name: member.name,
        memberRole: member.memberRole,
        departmentId: member.departmentId,
        departmentName: member.departmentName,
        isOfficer: member.isOfficer,
        studentNumber: member.studentNumber,
      },
      base: base.points,
      points: round(gathered.points),
      score: round(base.points + gathered.points),
      term: await evaluateMember(plugin, gathered),
    });
  }
  const allianceRanks = ranksOf(evaluated.map((m) => m.score));
  const standings: MemberStanding[] = evaluated.map((m, i) => {
    const peers = evaluated
      .filter((o) => o.member.departmentId === m.member.departmentId)
      .map((o) => o.score);
    return { ...m, rankInAlliance: allianceRanks[i]!, rankInDepartment: ranksOf([m.score, ...peers])[0]! };
  });
  standings.sort(
    (a, b) => a.rankInAlliance - b.rankInAlliance || a.member.name.localeCompare(b.member.name, 'zh'),
  );
  const findings = events.filter((e) => e.kind.startsWith('finding:'));
  return {
    term: presentTerm(term),
    plugin: { id: plugin.id, version: plugin.version },
    base,
    members: standings,
    departments: await departmentStandings(plugin, departments, standings, findings),
  };
}

async function departmentStandings(
  plugin: CompiledPlugin,
  departments: readonly DepartmentRow[],
  members: readonly MemberStanding[],
  findings: readonly EventRow[],
): Promise<DepartmentStanding[]> {
  const rows = [];
  for (const department of departments) {
    const scores = members.filter((m) => m.member.departmentId === department.id).map((m) => m.score);
    const averageScore = scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
    rows.push({
      department: (({ id, name, kind }) => ({ id, name, kind }))(presentDepartment(department)),
      members: scores.length,
      averageScore,
      warnings: await departmentWarnings(plugin, department, findings),
    });
  }
  const averages = rows.map((r) => r.averageScore ?? Number.NEGATIVE_INFINITY);
  const ranks = ranksOf(averages);
  return byRank(rows.map((row, i) => ({ ...row, rank: row.averageScore === null ? null : ranks[i]! })));
}

/**
 * Departments best first: by rank, those without members (no rank) last, ties by name in Chinese order.
 *
 * @example
 * byRank([{ rank: 2, ... }, { rank: null, ... }, { rank: 1, ... }]).map((d) => d.rank) // [1, 2, null]
 */
export function byRank<T extends { rank: number | null; department: { name: string } }>(
  rows: readonly T[],
): T[] {
  const order = (rank: number | null) => rank ?? Number.POSITIVE_INFINITY;
  return [...rows].sort(
    (a, b) => order(a.rank) - order(b.rank) || a.department.name.localeCompare(b.department.name, 'zh'),
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k) ?? [];
    list.push(item);
    out.set(k, list);
  }
  return out;
}
