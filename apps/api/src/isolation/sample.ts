import type { Kind } from './fixture.ts';
import { isIdName, type JsonSchema, kindOfName, type OpenApiDocument } from './operations.ts';

/** Builds request values from the OpenAPI schemas, with every record reference pointing at the chosen target. */
export interface Sampler {
  /** The id of a record of this kind in the target, or undefined when the target has none. */
  idFor(kind: Kind): string | undefined;
  /** Where the schema could not be satisfied ('body.studentNumber: pattern …'): the suite fails listing these. */
  unfillable: string[];
  /** Fields that carry a target id ('roles.0.unitId'). */
  idFields: string[];
  /** A reference named a kind the target does not have (a school-level record for an "other college" target). */
  missingKind: boolean;
}

/** A sampler over one target's ids. */
export function samplerFor(idFor: (kind: Kind) => string | undefined): Sampler {
  return { idFor, unfillable: [], idFields: [], missingKind: false };
}

const PROBE_TEXT = 'isolation-probe';
const CANDIDATES = [
  PROBE_TEXT,
  'probe',
  'x',
  '1',
  '2024',
  '2025-03-03',
  '13800138000',
  'probe@example.com',
  'A1',
];

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const name = current.$ref.split('/').at(-1)!;
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

function nonNull(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const s = resolve(doc, schema);
  const options = s.anyOf ?? s.oneOf;
  if (options) {
    const first = options.map((o) => resolve(doc, o)).find((o) => o.type !== 'null');
    return first ? nonNull(doc, first) : s;
  }
  if (s.allOf) {
    const merged: JsonSchema = { properties: {}, required: [] };
    for (const part of s.allOf.map((p) => nonNull(doc, p))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
      if (part.type) merged.type = part.type;
    }
    return merged;
  }
  if (Array.isArray(s.type)) return { ...s, type: s.type.find((t) => t !== 'null') ?? 'null' };
  return s;
}

/** Whether a value of this schema contains a record reference somewhere (so optional parts get sent too). */
export function mentionsIds(doc: OpenApiDocument, schema: JsonSchema, depth = 0): boolean {
  if (depth > 8) return false;
  const s = nonNull(doc, schema);
  if (s.type === 'array' && s.items) return mentionsIds(doc, s.items, depth + 1);
  return Object.entries(s.properties ?? {}).some(
    ([name, child]) => isIdName(name) || mentionsIds(doc, child, depth + 1),
  );
}

/**
 * A value for `schema`: required properties, plus every optional one that carries a record reference (each pointing
 * at the target). Strings use the schema's example, else a probe text that fits its pattern and length.
 *
 * @example
 * ```ts
 * sampleValue(doc, schema, 'body', undefined, sampler); // { parentId: '<other school's unit>', levelKey: 'class', name: 'isolation-probe' }
 * ```
 */
export function sampleValue(
  doc: OpenApiDocument,
  schema: JsonSchema,
  path: string,
  name: string | undefined,
  sampler: Sampler,
): unknown {
  const s = nonNull(doc, schema);
  if (s.const !== undefined) return s.const;
  if (name && isIdName(name) && (s.type === 'string' || s.format === 'uuid' || s.type === 'array')) {
    return sampleId(s, path, name, sampler);
  }
  if (s.enum && s.enum.length > 0) return s.enum.includes(s.default) ? s.default : s.enum[0];
  switch (s.type) {
    case 'string':
      return sampleString(s, path, sampler);
    case 'integer':
    case 'number':
      return typeof s.example === 'number'
        ? s.example
        : ((s.default as number | undefined) ?? s.minimum ?? 1);
    case 'boolean':
      return (s.default as boolean | undefined) ?? false;
    case 'array': {
      if (!s.items) return [];
      const wanted = (s.minItems ?? 0) > 0 || mentionsIds(doc, s.items);
      return wanted ? [sampleValue(doc, s.items, `${path}.0`, undefined, sampler)] : [];
    }
    case 'object':
    case undefined:
      return sampleObject(doc, s, path, sampler);
    default:
      sampler.unfillable.push(`${path}: no sample for type ${String(s.type)}`);
      return null;
  }
}

function sampleId(s: JsonSchema, path: string, name: string, sampler: Sampler): unknown {
  const kind = kindOfName(name);
  if (!kind) {
    sampler.unfillable.push(
      `${path}: field "${name}" names a record of an unknown kind (add it to NAMED_KINDS)`,
    );
    return null;
  }
  const id = sampler.idFor(kind);
  if (!id) {
    sampler.missingKind = true;
    return null;
  }
  sampler.idFields.push(path);
  return s.type === 'array' ? [id] : id;
  // (arrays of ids such as `studentIds` get one id of the target)
}

function sampleString(s: JsonSchema, path: string, sampler: Sampler): string {
  if (typeof s.example === 'string') return s.example;
  if (typeof s.examples?.[0] === 'string') return s.examples[0];
  if (typeof s.default === 'string') return s.default;
  switch (s.format) {
    case 'date':
      return '2025-03-03';
    case 'date-time':
      return '2025-03-03T08:00:00.000Z';
    case 'email':
      return 'probe@example.com';
    case 'uuid':
      sampler.unfillable.push(`${path}: a uuid field whose name does not say what it refers to`);
      return '00000000-0000-4000-8000-000000000000';
  }
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  const fits = (value: string) =>
    value.length >= min && value.length <= max && (!s.pattern || new RegExp(s.pattern).test(value));
  const padded = (value: string) => value.padEnd(min, value.at(-1) ?? 'x').slice(0, max);
  const found = CANDIDATES.map(padded).find(fits);
  if (found !== undefined) return found;
  sampler.unfillable.push(
    `${path}: no probe text matches pattern ${s.pattern ?? '(none)'} length ${min}..${max}`,
  );
  return PROBE_TEXT;
}

function sampleObject(
  doc: OpenApiDocument,
  s: JsonSchema,
  path: string,
  sampler: Sampler,
): Record<string, unknown> {
  const properties = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const chosen = properties.filter(
    ([name, child]) => required.has(name) || isIdName(name) || mentionsIds(doc, child),
  );
  // A body whose fields are all optional must still change something, or it fails for being empty.
  const fields = chosen.length > 0 ? chosen : properties.slice(0, 1);
  const out: Record<string, unknown> = {};
  for (const [name, child] of fields) out[name] = sampleValue(doc, child, `${path}.${name}`, name, sampler);
  return out;
}
