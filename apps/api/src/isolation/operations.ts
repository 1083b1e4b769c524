import type { Kind } from './fixture.ts';

/** A JSON Schema object as the OpenAPI document holds it (only what the suite reads). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  example?: unknown;
  examples?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** The parts of an OpenAPI 3.1 document the suite reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

/** One route of the API as the suite probes it. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path: '/api/units/{id}'. */
  path: string;
  /** 'GET /api/units/{id}': how failure messages and overrides name the route. */
  key: string;
  /** Path parameters that name a record: `{id}`, `{entryId}`. */
  pathParams: string[];
  /** Path parameters that are plain values, not records (the `{date}` of a calendar day): sampled from the schema. */
  pathValues: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: { contentType: string; schema: JsonSchema };
  /** Answers without a session (`security: []`). */
  public: boolean;
  /** Authenticated by a service token (`security: [{ bearer: [] }]`), not by a session: no account can call it. */
  serviceToken: boolean;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * Every operation of the API's own OpenAPI document, so a route added by anyone is probed without editing the suite.
 *
 * @example
 * ```ts
 * operationsOf(await (await app.request('/api/openapi.json')).json()); // [{ key: 'GET /api/units', ... }, ...]
 * ```
 */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const upper = method.toUpperCase() as Operation['method'];
      const parameters = op.parameters ?? [];
      const content = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
      out.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        pathParams: parameters.filter((p) => p.in === 'path' && isIdName(p.name)).map((p) => p.name),
        pathValues: parameters
          .filter((p) => p.in === 'path' && !isIdName(p.name))
          .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        ...(content ? { body: { contentType: content[0], schema: content[1].schema ?? {} } } : {}),
        public: Array.isArray(op.security) && op.security.length === 0,
        serviceToken:
          Array.isArray(op.security) &&
          op.security.some((s) => typeof s === 'object' && s !== null && 'bearer' in s),
      });
    }
  }
  return out;
}

/** Parameter and field names that name a record of a known kind, wherever they appear. */
const NAMED_KINDS: Readonly<Record<string, Kind>> = {
  studentId: 'student',
  caseId: 'case',
  unitId: 'unit',
  parentId: 'unit',
  rootId: 'unit',
  collegeId: 'unit',
  classId: 'unit',
  dormId: 'unit',
  collegeUnitId: 'unit',
  classUnitId: 'unit',
  dormUnitId: 'unit',
  personId: 'person',
  responsiblePersonId: 'person',
  counsellorId: 'person',
  assigneeId: 'person',
  waveId: 'wave',
  resultId: 'screeningResult',
  staffMemberId: 'staffMember',
  importId: 'screeningImport',
  termId: 'allianceTerm',
  departmentId: 'allianceDepartment',
  memberId: 'allianceMember',
  eventId: 'allianceEvent',
  taskId: 'allianceTask',
  recordId: 'allianceRecord',
  concernReportId: 'concernReport',
  screeningResultId: 'screeningResult',
  hospitalId: 'hospital',
  referralId: 'crisisReferral',
  slotId: 'slot',
};

/** The record kind of `{id}` after a path segment: '/students/{id}' names a student. */
const SEGMENT_KINDS: Readonly<Record<string, Kind>> = {
  students: 'student',
  cases: 'case',
  'follow-ups': 'case',
  units: 'unit',
  people: 'person',
  staff: 'staffMember',
  waves: 'wave',
  results: 'screeningResult',
  imports: 'screeningImport',
  terms: 'allianceTerm',
  departments: 'allianceDepartment',
  members: 'allianceMember',
  events: 'allianceEvent',
  tasks: 'allianceTask',
  records: 'allianceRecord',
  notifications: 'notification',
  concerns: 'concernReport',
  'key-students': 'keyStudent',
  crises: 'crisis',
  hospitals: 'hospital',
  lists: 'supportList',
  files: 'supportFile',
  sanctions: 'sanction',
  warnings: 'warning',
  tokens: 'integrationToken',
  slots: 'slot',
  appointments: 'appointment',
  consents: 'screeningConsent',
  messages: 'treeHoleMessage',
};

/** '/entries/{id}' after '/cases/{id}' is a case entry; after '/file' a file entry. */
const ENTRY_KINDS: Readonly<Record<string, Kind>> = {
  cases: 'caseEntry',
  file: 'fileEntry',
  lists: 'supportEntry',
};

/** Whether a parameter or field name refers to a record: `id`, `…Id`, `…Ids`. */
export function isIdName(name: string): boolean {
  return name === 'id' || /Ids?$/.test(name);
}

/** The kind of record a body field or query parameter names, from its name alone. */
export function kindOfName(name: string): Kind | undefined {
  return NAMED_KINDS[name] ?? NAMED_KINDS[name.replace(/s$/, '')];
}

/** The kind of record a path parameter names: by its name, else by the path segment before it. */
export function kindOfPathParam(path: string, name: string): Kind | undefined {
  if (name !== 'id' && kindOfName(name)) return kindOfName(name);
  const segments = path.split('/');
  const at = segments.indexOf(`{${name}}`);
  const before = segments[at - 1] ?? '';
  if (before === 'entries') {
    const owner = segments.slice(0, at - 1).filter((s) => !s.startsWith('{'));
    return ENTRY_KINDS[owner.at(-1) ?? ''];
  }
  return SEGMENT_KINDS[before];
}
