import { ApiProblem } from './problem.ts';

/** A problem split for a form: the messages to show next to its fields, and what is left for the alert. */
export interface FormProblem {
  /** Message per form field (the first error naming it). */
  fields: Record<string, string>;
  /** The problem again when something in it names no field of the form (or no field at all), else null. */
  general: unknown;
}

/** The form field an error path belongs to: the field itself, or the nearest enclosing one (`roles.0.unitId` → `roles`). */
function owningField(path: string, fields: readonly string[]): string | undefined {
  return fields
    .filter((field) => path === field || path.startsWith(`${field}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * Splits whatever a form's request threw into messages next to the fields it names (RFC 9457 `errors[].field`)
 * and a general problem for an alert (network failure, 403, or a field the form does not have).
 *
 * @example
 * const { fields, general } = formProblem(error, ['title', 'dueDate']);
 * // <ElFormItem :error="fields.title"> ... <ProblemAlert v-if="general" :problem="general" />
 */
export function formProblem(error: unknown, fields: readonly string[]): FormProblem {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return { fields: {}, general: error };
  const byField: Record<string, string> = {};
  let unplaced = false;
  for (const item of error.errors) {
    const field = item.field === undefined ? undefined : owningField(item.field, fields);
    const text = item.message ?? item.reason ?? error.title;
    if (field === undefined) unplaced = true;
    else byField[field] ??= text;
  }
  return { fields: byField, general: unplaced ? error : null };
}
