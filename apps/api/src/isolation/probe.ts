import { loginAs, loginAsStudent, TEST_ACCOUNTS, type TestSession } from '../testing/index.ts';
import {
  COLLEGE_OF_ACCOUNT,
  type FixtureSchool,
  type IsolationFixture,
  type Kind,
  type KindIds,
  type MarkerLabel,
  REDUCED_VIEW_USERNAMES,
} from './fixture.ts';
import { findLeaks, type Leak, mergeMarkers } from './leaks.ts';
import { isIdName, kindOfName, kindOfPathParam, type OpenApiDocument, type Operation } from './operations.ts';
import { type Sampler, samplerFor, sampleValue } from './sample.ts';

/** One signed-in account of the fixture and what it must never see. */
export interface Prober {
  school: FixtureSchool;
  username: string;
  session: TestSession;
  /** The college the account's roles sit in, for college-scoped accounts. */
  college: 0 | 1 | undefined;
  /** Another school's records and, for college-scoped accounts, the other college's. */
  forbidden: Map<string, MarkerLabel>;
  /** For reduced-view accounts: their school's screening answers, case notes, contacts and guardians. */
  sensitive: Map<string, MarkerLabel>;
  /** Whose records the probes use: the account's own, another school's, another college's. */
  targets: Target[];
}

/** Whose ids fill a request. */
export interface Target {
  name: 'own' | 'other school' | 'other college';
  ids: KindIds;
}

/** Sign in every account of both schools and work out what each must never see. */
export async function signInEveryone(fixture: IsolationFixture): Promise<Prober[]> {
  const { alpha, beta } = fixture.schools;
  const probers: Prober[] = [];
  for (const [school, other] of [
    [alpha, beta],
    [beta, alpha],
  ] as const) {
    for (const account of TEST_ACCOUNTS) {
      const college = COLLEGE_OF_ACCOUNT[account.username];
      const reduced = REDUCED_VIEW_USERNAMES.has(account.username);
      const otherCollege = college === undefined ? undefined : school.colleges[college === 0 ? 1 : 0];
      probers.push({
        school,
        username: account.username,
        session: await loginAs(fixture.t.app, school.code, account.username),
        college,
        forbidden: mergeMarkers(other.markers, otherCollege?.markers ?? new Map()),
        sensitive: reduced ? school.sensitive : new Map(),
        targets: [
          { name: 'own', ids: { ...school.schoolIds, ...school.colleges[college ?? 0].ids } },
          { name: 'other school', ids: { ...other.schoolIds, ...other.colleges[0].ids } },
          ...(otherCollege ? [{ name: 'other college' as const, ids: { ...otherCollege.ids } }] : []),
        ],
      });
    }
    if (school.student) probers.push(await studentProber(fixture, school, other));
  }
  return probers;
}

/**
 * The student of the school's first college (学生端): they must see nothing of the other school and nothing of any
 * other student of their own school — no id, 学号, name, file entry, case or result of anybody but themselves.
 */
async function studentProber(
  fixture: IsolationFixture,
  school: IsolationFixture['schools']['alpha'],
  other: IsolationFixture['schools']['alpha'],
): Promise<Prober> {
  const { number, password, ownIds } = school.student!;
  const own = school.colleges[0];
  const ownIndex = own.studentNumbers.indexOf(number);
  const ownStudentId = school.world.colleges[0].studentIds[ownIndex]!;
  // Their own place in the network (college, class, dorm) is theirs to know: /api/auth/me names the class of their role.
  const world = school.world.colleges[0];
  const ownUnits = [world.id, world.classId, world.dormId];
  const mine = new Set([number, ownStudentId, `${school.code}同学1${ownIndex + 1}`, ...ownIds, ...ownUnits]);
  const everyoneElse = new Map(
    [...mergeMarkers(school.colleges[0].markers, school.colleges[1].markers, school.sensitive)].filter(
      ([marker]) => !mine.has(marker),
    ),
  );
  return {
    school,
    username: `student:${number}`,
    session: await loginAsStudent(fixture.t.app, school.code, number, password),
    college: 0,
    forbidden: mergeMarkers(other.markers, everyoneElse),
    sensitive: new Map(),
    targets: [
      { name: 'own', ids: { ...school.schoolIds, ...own.ids } },
      { name: 'other school', ids: { ...other.schoolIds, ...other.colleges[0].ids } },
      { name: 'other college', ids: { ...school.colleges[1].ids } },
    ],
  };
}

/** One request the suite sends, and what it must answer. */
export interface Probe {
  op: Operation;
  target: Target['name'];
  url: string;
  body?: unknown;
  /** Statuses allowed; undefined means any status below 500. */
  expect?: readonly number[];
  /** Fields of the body that carry the target's ids. */
  idFields: string[];
}

/** What went wrong with one route: it could not be filled, so the suite cannot vouch for it. */
export interface Unfillable {
  op: string;
  reason: string;
}

const FOREIGN_PATH_STATUSES = [403, 404] as const;
const REFUSALS = [400, 403, 404, 409, 422] as const;

function pathWith(doc: OpenApiDocument, op: Operation, target: Target, sampler: Sampler): string | undefined {
  let url = op.path;
  for (const { name, schema } of op.pathValues) {
    const value = sampleValue(doc, schema, `path.${name}`, name, sampler);
    url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  for (const name of op.pathParams) {
    const kind = kindOfPathParam(op.path, name);
    if (!kind) {
      sampler.unfillable.push(
        `path parameter {${name}} names a record of an unknown kind (add it to operations.ts)`,
      );
      return undefined;
    }
    const id = target.ids[kind];
    if (!id) {
      sampler.missingKind = true;
      return undefined;
    }
    url = url.replace(`{${name}}`, id);
  }
  return url;
}

function requiredQuery(
  doc: OpenApiDocument,
  op: Operation,
  target: Target,
  sampler: Sampler,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const param of op.queryParams.filter((p) => p.required)) {
    const value = isIdName(param.name)
      ? target.ids[kindOfName(param.name) as Kind]
      : sampleValue(doc, param.schema, `query.${param.name}`, param.name, sampler);
    if (value === undefined || value === null) {
      sampler.unfillable.push(`required query parameter ${param.name} has no value`);
    } else {
      query.set(param.name, String(value));
    }
  }
  return query;
}

function withQuery(url: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${url}?${text}` : url;
}

/**
 * The GET probes of one route for one account: with path parameters, one request per target (others' ids must
 * answer 403 or 404); without, the plain list, then each id-like query filter set to each target's id.
 */
export function readProbes(
  doc: OpenApiDocument,
  op: Operation,
  prober: Prober,
  unfillable: Unfillable[],
): Probe[] {
  const probes: Probe[] = [];
  for (const target of prober.targets) {
    const sampler = samplerFor((kind) => target.ids[kind]);
    const path = pathWith(doc, op, target, sampler);
    const query = requiredQuery(doc, op, target, sampler);
    for (const reason of sampler.unfillable) unfillable.push({ op: op.key, reason });
    if (sampler.unfillable.length > 0 || !path) continue;
    const foreign = target.name !== 'own';
    if (op.pathParams.length > 0) {
      probes.push({
        op,
        target: target.name,
        url: withQuery(path, query),
        ...(foreign ? { expect: FOREIGN_PATH_STATUSES } : {}),
        idFields: [],
      });
      continue;
    }
    if (target.name === 'own')
      probes.push({ op, target: target.name, url: withQuery(path, query), idFields: [] });
    for (const param of op.queryParams.filter((p) => !p.required && isIdName(p.name))) {
      const kind = kindOfName(param.name);
      if (!kind) {
        unfillable.push({
          op: op.key,
          reason: `query parameter ${param.name} names a record of an unknown kind`,
        });
        continue;
      }
      const id = target.ids[kind];
      if (!id) continue;
      const filtered = new URLSearchParams(query);
      filtered.set(param.name, id);
      probes.push({ op, target: target.name, url: withQuery(path, filtered), idFields: [] });
    }
  }
  return probes;
}

/** A request body the generator cannot build, given by hand: see {@link writeProbes}. */
export type BodyOverride = (
  prober: Prober,
  target: Target,
) => FormData | Record<string, unknown> | (FormData | Record<string, unknown>)[] | undefined;

/**
 * The write probes of one route for one account, each naming exactly one tenant's records the account must not
 * touch: (a) another school's or college's record in the path, with the account's own ids in the body, must
 * answer 403 or 404; (b) the account's own record in the path with another school's or college's ids in the body
 * must be refused (400, 403, 404, 409 or 422). A write that can name nothing of another tenant is not sent.
 */
export function writeProbes(
  doc: OpenApiDocument,
  op: Operation,
  prober: Prober,
  unfillable: Unfillable[],
  overrides: Readonly<Record<string, BodyOverride>>,
): Probe[] {
  const own = prober.targets[0]!;
  const probes: Probe[] = [];
  for (const target of prober.targets.filter((t) => t.name !== 'own')) {
    if (op.pathParams.length > 0) {
      for (const probe of writeProbe(doc, op, prober, { path: target, body: own }, unfillable, overrides)) {
        probes.push({ ...probe, target: target.name, expect: FOREIGN_PATH_STATUSES, idFields: [] });
      }
    }
    for (const probe of writeProbe(doc, op, prober, { path: own, body: target }, unfillable, overrides)) {
      if (probe.idFields.length > 0) probes.push({ ...probe, target: target.name, expect: REFUSALS });
    }
  }
  return probes;
}

/**
 * The probes of a write addressed by values only (`PUT /screening/calendar/days/{date}`): a date names no record, so
 * no id of another tenant can be put in it, but the row it reaches is keyed by (school, value) and the other school
 * holds one with the same value. Sent as the account on its own school (any answer below 500 is allowed); the
 * suite then checks the other school's rows did not change and the answers name nothing of it.
 */
export function valueKeyedWriteProbes(
  doc: OpenApiDocument,
  op: Operation,
  prober: Prober,
  unfillable: Unfillable[],
  overrides: Readonly<Record<string, BodyOverride>>,
): Probe[] {
  if (op.pathValues.length === 0 || op.pathParams.length > 0) return [];
  const own = prober.targets[0]!;
  return writeProbe(doc, op, prober, { path: own, body: own }, unfillable, overrides).map((probe) => ({
    ...probe,
    target: own.name,
  }));
}

function writeProbe(
  doc: OpenApiDocument,
  op: Operation,
  prober: Prober,
  fill: { path: Target; body: Target },
  unfillable: Unfillable[],
  overrides: Readonly<Record<string, BodyOverride>>,
): Omit<Probe, 'target'>[] {
  const pathSampler = samplerFor((kind) => fill.path.ids[kind]);
  const path = pathWith(doc, op, fill.path, pathSampler);
  const query = requiredQuery(doc, op, fill.path, pathSampler);
  const sampler = samplerFor((kind) => fill.body.ids[kind]);
  let bodies: unknown[] = [undefined];
  const override = overrides[op.key];
  if (override) {
    const given = override(prober, fill.body);
    if (given === undefined) return []; // nothing of this target can be named in this body
    bodies = Array.isArray(given) ? given : [given];
    if (fill.body.name !== 'own') sampler.idFields.push('(override)');
  } else if (op.body?.contentType === 'application/json') {
    bodies = [sampleValue(doc, op.body.schema, 'body', undefined, sampler)];
  } else if (op.body) {
    sampler.unfillable.push(
      `a ${op.body.contentType} body needs an entry in BODY_OVERRIDES (isolation/overrides.ts)`,
    );
  }
  const reasons = [...new Set([...pathSampler.unfillable, ...sampler.unfillable])];
  for (const reason of reasons) {
    if (!unfillable.some((u) => u.op === op.key && u.reason === reason))
      unfillable.push({ op: op.key, reason });
  }
  if (reasons.length > 0 || pathSampler.missingKind || sampler.missingKind || !path) return [];
  return bodies.map((body) => ({
    op,
    url: withQuery(path, query),
    ...(body !== undefined ? { body } : {}),
    idFields: sampler.idFields.map((f) => f.replace(/^body\.?/, '')),
  }));
}

/** What one probe found. */
export interface Finding {
  who: string;
  probe: Probe;
  status: number;
  text: string;
  /** Another tenant's records in the answer. */
  leaks: Leak[];
  /** Sensitive data in an answer to a reduced-view account. */
  sensitiveLeaks: Leak[];
}

/** Send one probe as the account and scan the answer for anything the account must not see. */
export async function runProbe(prober: Prober, probe: Probe): Promise<Finding> {
  const res = await prober.session.request(probe.url, {
    method: probe.op.method,
    // A file upload is a form post: the browser sends its own Origin, without which the API's CSRF check refuses it
    // before the route (and the probe would pass without testing the route at all).
    ...(probe.body instanceof FormData ? { headers: { origin: 'http://localhost' } } : {}),
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  const text = await res.text();
  const requestText = `${probe.url} ${await bodyText(probe.body)}`;
  return {
    who: `${prober.school.code}/${prober.username}`,
    probe,
    status: res.status,
    text,
    leaks: findLeaks(text, prober.forbidden, requestText),
    sensitiveLeaks: findLeaks(text, prober.sensitive, requestText),
  };
}

/**
 * Run probes a few at a time (PostgreSQL answers them in parallel; PGlite queues them on its one connection), and
 * return the findings in the order of the probes.
 */
export async function runProbes(
  pairs: readonly { prober: Prober; probe: Probe }[],
  concurrency = 4,
): Promise<Finding[]> {
  const findings: Finding[] = new Array(pairs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pairs.length; i = next++)
      findings[i] = await runProbe(pairs[i]!.prober, pairs[i]!.probe);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return findings;
}

/** What the request sent, as text, so an answer that repeats it is not taken for a leak. */
async function bodyText(body: unknown): Promise<string> {
  if (!(body instanceof FormData)) return JSON.stringify(body ?? '');
  const parts: string[] = [];
  for (const [, value] of body.entries()) parts.push(typeof value === 'string' ? value : await value.text());
  return parts.join(' ');
}

/** '[alpha/counsellor1] GET /api/students/… (other school)': how failure messages name a probe. */
export function describe(finding: Finding): string {
  return `[${finding.who}] ${finding.probe.op.method} ${finding.probe.url} (${finding.probe.target}) → ${finding.status}`;
}

/** The findings whose status is not what the probe allows (any 5xx counts). */
export function statusViolations(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.status >= 500 || (f.probe.expect !== undefined && !f.probe.expect.includes(f.status)))
    .filter((f) => unfilledBodies([f]).length === 0) // reported as routes the suite cannot fill instead
    .map(
      (f) =>
        `${describe(f)}, expected ${f.probe.expect?.join(' or ') ?? 'below 500'}: ${f.text.slice(0, 200)}`,
    );
}

/** Every leak of the given kind, one line each. */
export function leakReport(
  findings: readonly Finding[],
  kind: 'leaks' | 'sensitiveLeaks' = 'leaks',
): string[] {
  return findings.flatMap((f) =>
    f[kind].map((leak) => `${describe(f)} shows ${leak.label} "${leak.marker}"`),
  );
}

/**
 * Write probes answered 400 because the generated body was wrong rather than because of the foreign id: the route's
 * access check never ran, so the suite cannot vouch for it. Add a body in BODY_OVERRIDES.
 */
export function unfilledBodies(findings: readonly Finding[]): Unfillable[] {
  const out: Unfillable[] = [];
  for (const f of findings) {
    if (f.status !== 400 || f.probe.op.method === 'GET') continue;
    const problem = JSON.parse(f.text) as { code?: string; errors?: { field?: string; message?: string }[] };
    if (problem.code !== 'validation.invalid-field') continue;
    const innocent = (problem.errors ?? []).filter(
      (e) => !f.probe.idFields.includes(e.field ?? '') && !isIdName((e.field ?? '').split('.').at(-1) ?? ''),
    );
    for (const e of innocent) {
      out.push({
        op: f.probe.op.key,
        reason: `generated body refused at ${e.field}: ${e.message} (add a BODY_OVERRIDES entry)`,
      });
    }
  }
  return out;
}
