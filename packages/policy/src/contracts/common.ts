import { z } from 'zod';
import type { FiredRule } from './contract';

/** Zh/En text, both required. */
export const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

/** Lower-case words joined by hyphens, e.g. `penalty-points`. */
export const kebabSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case (a-z, 0-9, -)');

/** A reason shown to users: the rule that fired and its zh/en text. */
export interface Reason {
  readonly ruleName: string;
  readonly zh: string;
  readonly en: string;
}

/** The reason a fired rule gives, from its event's `zh`/`en` params. */
export function reasonOf(rule: FiredRule): Reason {
  return {
    ruleName: rule.name,
    zh: String(rule.event.params.zh ?? ''),
    en: String(rule.event.params.en ?? ''),
  };
}

/** Params of a fired rule, typed by the caller (the engine validated them against the event schema at load). */
export function paramsOf<T>(rule: FiredRule): T {
  return rule.event.params as T;
}

/** Fired rules with one of the given event types. */
export function ofType(fired: readonly FiredRule[], type: string): FiredRule[] {
  return fired.filter((rule) => rule.event.type === type);
}

/** Whether two event params are deeply equal (JSON-equal, key order ignored). */
export function sameParams(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted, for comparing rule parts regardless of key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : inner,
  );
}
