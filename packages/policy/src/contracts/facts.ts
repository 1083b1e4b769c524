/** Zh/En text pair used for every user-facing label. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}

/** The type of a fact as rules see it: a bounded number, a boolean or one of a fixed set of strings. */
export type FactType =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'number'; readonly min: number; readonly max: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] };

/** A fact that rules of an area may test. */
export interface FactSpec<T extends FactType = FactType> {
  readonly type: T;
  readonly label: Localized;
  /**
   * The fact is only given when another fact has one of these values (e.g. `phq9Total` only when `instrument` is
   * `PHQ-9`). A rule that tests a scoped fact must require the scope in its top-level `all`.
   */
  readonly scope?: { readonly fact: string; readonly values: readonly string[] };
  /** Absent facts are allowed; rules then see `undefined`, which no comparison matches. */
  readonly optional?: boolean;
}

/** Facts of an area by name. */
export type FactSpecs = Readonly<Record<string, FactSpec>>;

type ValueOf<T extends FactType> = T extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : T extends { kind: 'boolean' }
    ? boolean
    : number;

type OptionalKeys<S extends FactSpecs> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : S[K] extends { scope: object } ? K : never;
}[keyof S];

/** The TypeScript type of the facts described by a set of fact specs (scoped and optional facts may be absent). */
export type FactsOf<S extends FactSpecs> = {
  -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[K]['type']>;
} & {
  -readonly [K in OptionalKeys<S>]?: ValueOf<S[K]['type']>;
};

/** An integer fact within [min, max]. */
export const integer = (min: number, max: number) => ({ kind: 'integer', min, max }) as const;
/** A number fact within [min, max]. */
export const number = (min: number, max: number) => ({ kind: 'number', min, max }) as const;
/** A boolean fact. */
export const boolean = () => ({ kind: 'boolean' }) as const;
/** A fact with one of the listed string values. */
export const oneOf = <const V extends readonly string[]>(values: V) => ({ kind: 'enum', values }) as const;

/** Describes a fact type for messages, e.g. `an integer 0–56` or `one of "cadre", "staff"`. */
export function describeFactType(type: FactType): string {
  switch (type.kind) {
    case 'integer':
      return `an integer ${type.min}–${type.max}`;
    case 'number':
      return `a number ${type.min}–${type.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${type.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
}

/** Whether a value fits a fact type; returns the reason when it does not. */
export function checkFactValue(type: FactType, value: unknown): string | undefined {
  switch (type.kind) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${describeFactType(type)}`;
      if (type.kind === 'integer' && !Number.isInteger(value)) return `expected ${describeFactType(type)}`;
      if (value < type.min || value > type.max) return `${value} is outside ${type.min}–${type.max}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'enum':
      return typeof value === 'string' && type.values.includes(value)
        ? undefined
        : `expected ${describeFactType(type)}`;
  }
}

/** One problem with the facts given to an evaluation. */
export interface FactIssue {
  readonly fact: string;
  readonly message: string;
}

/**
 * Checks facts against an area's fact specs: unknown facts, missing required facts (taking scopes into account),
 * wrong types and out-of-range values.
 * @example validateFacts(specs, { upiTotal: 60 }) // [{ fact: 'upiTotal', message: '60 is outside 0–56' }, …]
 */
export function validateFacts(specs: FactSpecs, facts: Readonly<Record<string, unknown>>): FactIssue[] {
  const issues: FactIssue[] = [];
  for (const name of Object.keys(facts)) {
    if (!Object.hasOwn(specs, name)) issues.push({ fact: name, message: `unknown fact "${name}"` });
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = facts[name];
    const inScope = !spec.scope || spec.scope.values.includes(facts[spec.scope.fact] as string);
    if (value === undefined || value === null) {
      if (inScope && !spec.optional && !spec.scope) issues.push({ fact: name, message: 'is required' });
      else if (inScope && spec.scope && !spec.optional) {
        issues.push({
          fact: name,
          message: `is required when ${spec.scope.fact} is ${JSON.stringify(facts[spec.scope.fact])}`,
        });
      }
      continue;
    }
    const problem = checkFactValue(spec.type, value);
    if (problem) issues.push({ fact: name, message: problem });
  }
  return issues;
}
