import type { z } from 'zod';
import type { FactIssue, FactSpecs, Localized } from './facts';

/** A rule that fired and was not overridden, as the area's `decide` function sees it. */
export interface FiredRule {
  readonly name: string;
  readonly priority: number;
  readonly event: { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
}

/** What `decide` gets: the facts (with derived facts), the surviving fired rules in file order, the decision strategy. */
export interface DecideInput {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly fired: readonly FiredRule[];
  readonly decision: string;
}

/** Thrown by `decide` when the facts lead to no decision; the engine wrapper turns it into a PolicyEvaluationError. */
export class NoDecision extends Error {}

/** A fact the wrapper computes between stages (json-rules-engine cannot do arithmetic). */
export interface DerivedFacts {
  /** Rules whose event type is listed here run first, on the given facts only. */
  readonly firstStageEvents: readonly string[];
  readonly facts: FactSpecs;
  /** Given facts each derived fact is computed from (the conflict finder varies these to reach a derived threshold). */
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  /** Computes the derived facts from the given facts and the events of the first stage. */
  derive(facts: Readonly<Record<string, unknown>>, firstStage: readonly FiredRule[]): Record<string, unknown>;
}

/** A small seeded random source for generated populations. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of the values. */
  pick<T>(values: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * The contract of one policy area: the facts its rules may test, the events they may emit, how the wrapper turns
 * fired events into the typed result, and what the authoring tools need (population generator, outcome labels).
 */
export interface AreaContract<Result = unknown> {
  readonly id: string;
  readonly title: Localized;
  /** What one evaluation is about, for diff reports: "students", "records", … */
  readonly subject: { readonly one: string; readonly many: string };
  readonly facts: FactSpecs;
  /**
   * An enum fact that splits the rules (e.g. `instrument`): the wrapper keeps one Engine per value holding only the
   * rules that can fire for it (rules whose top-level `all` requires another value cannot fire), so a call runs a
   * handful of rules instead of all of them. Same decisions, less work.
   */
  readonly partitionBy?: string;
  readonly derived?: DerivedFacts;
  /** Cross-fact checks that single fact specs cannot express (e.g. minutesLate is required when late). */
  checkFacts?(facts: Readonly<Record<string, unknown>>): FactIssue[];
  /** Event types and their params schema. */
  readonly events: Readonly<Record<string, z.ZodType>>;
  /** Decision strategies a rule file may choose with `"decision"`; the first is the default. */
  readonly decisions: readonly [string, ...string[]];
  /** What each decision strategy means (for docs and the conflict report). */
  readonly decisionHelp: Readonly<Record<string, string>>;
  /** Builds the typed result; throws NoDecision (or Error with a message) when it cannot. */
  decide(input: DecideInput): Result;
  /**
   * Whether two rules' events give contradicting outcomes when both fire, and whether the decision strategy settles
   * it ('strategy') or the authors must (`'unresolved'`); undefined when they do not contradict.
   */
  contradiction(
    a: FiredRule['event'],
    b: FiredRule['event'],
    decision: string,
  ): { readonly settledBy: 'strategy' | 'unresolved'; readonly why: string } | undefined;
  /** A short label of a result for diff reports, e.g. `tier 2`. */
  outcome(result: Result): string;
  /** How many subjects a generated diff population has by default (fewer for areas with few distinct inputs). */
  readonly populationSize?: number;
  /** One generated subject for populations (diff) given the enum values the rules test. */
  generate(random: Random, tested: ReadonlyMap<string, ReadonlySet<unknown>>): Record<string, unknown>;
}
