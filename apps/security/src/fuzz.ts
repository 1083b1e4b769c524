import openapi from '@xinqiao/api-contract/openapi.json' with { type: 'json' };
import { authHeaders, type Session } from './client.ts';
import { type Random, seeded } from './random.ts';

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI schemas are walked loosely
type Schema = any;

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema }[];
  body?: { type: string; schema: Schema; required: boolean };
}

/** What the fuzz pass found. */
export interface FuzzReport {
  requests: number;
  operations: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Responses ≥ 500 (should be none). */
  serverErrors: { method: string; path: string; status: number; body: string }[];
  /** 4xx answers that were not application/problem+json with a code (should be none). */
  notProblems: { method: string; path: string; status: number; type: string; body: string }[];
  /** Requests not answered within {@link ANSWER_WITHIN_MS}, with what they sent (should be none). */
  unanswered: { method: string; path: string; role: string; body: string }[];
  /** Why the pass stopped before its count (the server stopped answering), if it did. */
  stoppedEarly?: string;
}

/** A request not answered within this long is reported; after three such the pass stops (the server hangs). */
const ANSWER_WITHIN_MS = 20_000;
const MAX_UNANSWERED = 3;

/**
 * Not fuzzed: logging out ends the suite's own sessions, and the channel routes would make the server send to
 * whatever host a generated body names (outside the machine). Login is sent a few times only, so the per-address
 * throttle is not spent before the suite's own sign-ins.
 */
const SKIPPED = new Set([
  'POST /api/auth/logout',
  'PUT /api/notifications/channels',
  'POST /api/notifications/channels/test',
]);
const LOGIN = 'POST /api/auth/login';
const MAX_LOGINS = 12;
/** Routes where a real id with a valid body could disable an account or move the network the suite relies on. */
const NO_REAL_IDS_FOR_WRITES = /^\/api\/(people|units)\b/;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '%2500',
  '%zz',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5_000),
  "' OR 1=1 --",
  '"; DROP TABLE students; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '#{7*7}',
  '2025-02-30',
  '9999-99-99T99:99:99Z',
  '-1',
  '1e309',
  'NaN',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '学生',
];
const NASTY_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  -(2 ** 31) - 1,
  1e308,
  [],
  {},
  [null],
  { a: { b: { c: {} } } },
  ...NASTY_STRINGS,
];

/** Percent-encodes; a lone surrogate (which encodeURIComponent refuses) goes as the bytes of an invalid UTF-8. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split('')
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [path, ops] of Object.entries(openapi.paths as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      if (SKIPPED.has(`${method.toUpperCase()} ${path}`)) continue;
      const content = op.requestBody?.content as Record<string, { schema: Schema }> | undefined;
      const type = content ? Object.keys(content)[0] : undefined;
      list.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        ...(type && content
          ? { body: { type, schema: content[type]!.schema, required: Boolean(op.requestBody.required) } }
          : {}),
      });
    }
  }
  return list;
}

function resolve(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const name = String(s.$ref).split('/').at(-1)!;
    s = (openapi.components.schemas as Record<string, Schema>)[name];
  }
  return s ?? {};
}

/** A value that fits `schema` as far as a generator can tell (formats, enums, bounds). */
function valid(schema: Schema, random: Random, ids: string[], depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.enum) return random.pick(s.enum);
  if (s.const !== undefined) return s.const;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return valid(random.pick(variants), random, ids, depth + 1);
  if (s.allOf) {
    return Object.assign({}, ...s.allOf.map((part: Schema) => valid(part, random, ids, depth + 1)));
  }
  const type = Array.isArray(s.type) ? random.pick(s.type.filter((t: string) => t !== 'null')) : s.type;
  switch (type) {
    case 'string':
      return validString(s, random, ids);
    case 'integer':
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? 0;
      const max = s.maximum ?? s.exclusiveMaximum ?? min + 100;
      const n = min + random() * (max - min);
      return type === 'integer' ? Math.round(n) : Math.round(n * 100) / 100;
    }
    case 'boolean':
      return random.chance(0.5);
    case 'array': {
      const count = Math.max(s.minItems ?? 0, random.int(3));
      return Array.from({ length: Math.min(count, s.maxItems ?? count) }, () =>
        valid(s.items ?? {}, random, ids, depth + 1),
      );
    }
    case 'null':
      return null;
    default: {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(s.required ?? []);
      for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
        if (required.has(key) || random.chance(0.5)) out[key] = valid(prop, random, ids, depth + 1);
      }
      return out;
    }
  }
}

function validString(s: Schema, random: Random, ids: string[]): string {
  switch (s.format) {
    case 'uuid':
      return ids.length > 0 && random.chance(0.5) ? random.pick(ids) : random.uuid();
    case 'date':
      return `202${random.int(7)}-0${1 + random.int(9)}-1${random.int(9)}`;
    case 'date-time':
      return new Date(Date.UTC(2025, random.int(12), 1 + random.int(28), random.int(24))).toISOString();
    case 'email':
      return `u${random.int(1000)}@example.edu.cn`;
    default: {
      const min = s.minLength ?? 1;
      const max = Math.min(s.maxLength ?? 20, 40);
      const length = Math.max(min, Math.min(max, 1 + random.int(12)));
      return Array.from({ length }, () => random.pick([...'abc123学生心桥 -_'])).join('');
    }
  }
}

/** Replaces a few values inside `value` with nasty ones, drops or adds keys. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
  if (depth === 0 && random.chance(0.1)) return random.pick(NASTY_VALUES);
  if (Array.isArray(value)) {
    if (random.chance(0.2)) return [...value, random.pick(NASTY_VALUES)];
    return value.map((item) => (random.chance(0.3) ? mutate(item, random, depth + 1) : item));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(out);
    if (keys.length > 0 && random.chance(0.25)) delete out[random.pick(keys)];
    if (random.chance(0.15))
      out[random.pick(['extra', '__proto__', 'constructor', 'schoolId', '\u0000'])] = 1;
    for (const key of keys) if (random.chance(0.35)) out[key] = mutate(out[key], random, depth + 1);
    return out;
  }
  return random.chance(0.7) ? random.pick(NASTY_VALUES) : value;
}

function pathParam(schema: Schema, random: Random, ids: string[], write: boolean, path: string): string {
  const roll = random();
  if (roll < 0.45 && ids.length > 0 && !(write && NO_REAL_IDS_FOR_WRITES.test(path))) return random.pick(ids);
  if (roll < 0.75) return enc(String(valid(schema, random, [])));
  const nasty = random.pick(NASTY_STRINGS);
  // Some raw (a malformed %zz, a %00), most encoded.
  return random.chance(0.3)
    ? nasty.replaceAll('/', '%2F').replaceAll('?', '%3F').replaceAll('#', '%23') || 'x'
    : enc(nasty) || 'x';
}

function queryString(op: Operation, random: Random, ids: string[]): string {
  const parts: string[] = [];
  for (const p of op.parameters.filter((q) => q.in === 'query')) {
    if (!p.required && random.chance(0.5)) continue;
    const value = random.chance(0.7) ? valid(p.schema, random, ids) : random.pick(NASTY_VALUES);
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(`${enc(p.name)}=${random.chance(0.1) ? text : enc(text)}`);
  }
  if (random.chance(0.1)) parts.push(random.pick(['%zz=1', 'a=%00', 'page=-1', 'pageSize=100000', 'x=%E4']));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function body(op: Operation, random: Random, ids: string[]): { body?: BodyInit; type?: string } {
  if (!op.body || (!op.body.required && random.chance(0.2))) return {};
  if (op.body.type === 'multipart/form-data') {
    const form = new FormData();
    if (random.chance(0.8)) {
      const text = random.chance(0.5) ? '学号,姓名\n2024001,张三\n' : random.pick(NASTY_STRINGS);
      form.set('file', new File([text], random.pick(['a.csv', 'a.xlsx', '%00.csv', 'x'.repeat(300)])));
    }
    return { body: form };
  }
  const roll = random();
  if (roll < 0.05) return { body: '{"unterminated', type: 'application/json' };
  if (roll < 0.08) return { body: 'plain text', type: random.pick(['text/plain', 'application/xml', '']) };
  const generated = valid(op.body.schema, random, ids);
  const value = random.chance(0.4) ? generated : mutate(generated, random);
  return { body: JSON.stringify(value), type: 'application/json' };
}

function harvest(value: unknown, ids: Set<string>, key = ''): void {
  if (ids.size >= 3_000) return;
  if (typeof value === 'string') {
    if ((key === 'id' || key.endsWith('Id')) && /^[0-9a-f-]{36}$/.test(value)) ids.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value.slice(0, 50)) harvest(item, ids, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) harvest(v, ids, k);
}

/**
 * Sends `count` requests generated from the OpenAPI document with a fixed seed, each as one of `sessions` (or
 * signed out), `concurrency` at a time: valid and mutated path, query and JSON body values, malformed JSON and
 * percent-encoding, wrong content types, odd headers. Ids seen in answers are reused in later requests.
 */
export async function fuzz(
  base: string,
  sessions: Session[],
  options: { count: number; seed: number; concurrency: number },
): Promise<FuzzReport> {
  const random = seeded(options.seed);
  const ops = operations();
  const gets = ops.filter((op) => op.method === 'GET');
  const pool = new Set<string>();
  const report: FuzzReport = {
    requests: 0,
    operations: ops.length,
    seconds: 0,
    statuses: {},
    serverErrors: [],
    notProblems: [],
    unanswered: [],
  };
  let logins = 0;
  const started = performance.now();
  // Plan every request up front from the seed, so the requests do not depend on the order answers arrive in
  // (except the harvested ids, drawn at send time).
  const plan = Array.from({ length: options.count }, (_, i) => {
    let op = i < gets.length ? gets[i]! : random.pick(ops); // every GET once first: ids to reuse
    if (`${op.method} ${op.path}` === LOGIN && logins++ >= MAX_LOGINS) op = random.pick(gets);
    return { op, session: random.chance(0.1) ? undefined : random.pick(sessions), seed: random.int(2 ** 31) };
  });
  let next = 0;
  const worker = async () => {
    while (next < plan.length && report.unanswered.length < MAX_UNANSWERED) {
      const { op, session, seed } = plan[next++]!;
      const r = seeded(seed);
      const ids = [...pool];
      const write = op.method !== 'GET';
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
        return pathParam(param?.schema ?? { type: 'string' }, r, ids, write, op.path);
      });
      const url = `${path}${queryString(op, r, ids)}`;
      const { body: payload, type } = body(op, r, ids);
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      if (r.chance(0.1)) headers['x-access-purpose'] = r.pick(['%2500', '%zz', '%E5%AD%A6', 'ok', '%00']);
      if (r.chance(0.05)) headers['accept-language'] = r.pick(['en', 'zh-CN', 'fr;q=0.1', '*', ',,;;']);
      await send(base, op, url, session, payload, headers, report, pool);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (next < plan.length)
    report.stoppedEarly = `stopped after ${report.requests} requests: ${report.unanswered.length} were not answered within ${ANSWER_WITHIN_MS / 1000} s`;
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

async function send(
  base: string,
  op: Operation,
  url: string,
  session: Session | undefined,
  payload: BodyInit | undefined,
  headers: Record<string, string>,
  report: FuzzReport,
  pool: Set<string>,
): Promise<void> {
  report.requests++;
  let res: Response;
  try {
    res = await fetch(`${base}${url}`, {
      method: op.method,
      headers: authHeaders(base, session, headers),
      ...(payload !== undefined && op.method !== 'GET' ? { body: payload } : {}),
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
  } catch (error) {
    const sent = typeof payload === 'string' ? payload.slice(0, 300) : payload === undefined ? '' : '(form)';
    if (error instanceof Error && error.name === 'TimeoutError')
      report.unanswered.push({
        method: op.method,
        path: url.slice(0, 300),
        role: session?.username ?? '(signed out)',
        body: sent,
      });
    else
      report.serverErrors.push({
        method: op.method,
        path: url,
        status: 0,
        body: String(error).slice(0, 300),
      });
    return;
  }
  const status = res.status;
  report.statuses[status] = (report.statuses[status] ?? 0) + 1;
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text().catch(() => '');
  if (status >= 500) {
    report.serverErrors.push({
      method: op.method,
      path: url.slice(0, 200),
      status,
      body: text.slice(0, 300),
    });
  } else if (status >= 400) {
    const isProblem = type.startsWith('application/problem+json') && /"code"\s*:/.test(text);
    if (!isProblem) {
      report.notProblems.push({
        method: op.method,
        path: url.slice(0, 200),
        status,
        type,
        body: text.slice(0, 200),
      });
    }
  } else if (status < 300 && op.method === 'GET' && type.startsWith('application/json')) {
    try {
      harvest(JSON.parse(text), pool);
    } catch {
      // not JSON after all
    }
  }
}
