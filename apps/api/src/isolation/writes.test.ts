import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_PROBE_DAY, createIsolationFixture, type IsolationFixture } from './fixture.ts';
import { type OpenApiDocument, type Operation, operationsOf } from './operations.ts';
import { BODY_OVERRIDES } from './overrides.ts';
import {
  type Finding,
  leakReport,
  runProbes,
  signInEveryone,
  statusViolations,
  type Unfillable,
  unfilledBodies,
  valueKeyedWriteProbes,
  writeProbes,
} from './probe.ts';
import { schoolSnapshot } from './snapshot.ts';

// Every POST, PUT, PATCH and DELETE route of the OpenAPI document, as every role of two schools, aimed at the other
// school's and the other college's records: each must be refused, say nothing about them, and change nothing.
let fixture: IsolationFixture;
let operations: Operation[];
const findings: Finding[] = [];
const unfillable: Unfillable[] = [];
let before: Record<string, Record<string, string>>;
let after: Record<string, Record<string, string>>;
// Writes addressed by a value (a calendar day), sent by each school's accounts in turn: the other school's rows,
// before and after.
const valueFindings: Finding[] = [];
const untouched: Record<string, { before: Record<string, string>; after: Record<string, string> }> = {};

const snapshots = async () => ({
  alpha: await schoolSnapshot(fixture.t.db, fixture.schools.alpha.world.id),
  beta: await schoolSnapshot(fixture.t.db, fixture.schools.beta.world.id),
});

beforeAll(async () => {
  fixture = await createIsolationFixture();
  const doc = (await (await fixture.t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  // Signing out would end the session the other probes need; it names nothing of another tenant anyway.
  // Service-token routes (POST /api/integration/feeds/{feed}) take no session, so a signed-in account cannot
  // probe them; their tenant checks (another school's student refused, a token of another school) are tested in
  // modules/warnings/integration/integration.test.ts.
  operations = operationsOf(doc).filter(
    (op) => op.method !== 'GET' && !op.public && !op.serviceToken && op.path !== '/api/auth/logout',
  );
  const probers = await signInEveryone(fixture);
  before = await snapshots();
  const pairs = probers.flatMap((prober) =>
    operations.flatMap((op) =>
      writeProbes(doc, op, prober, unfillable, BODY_OVERRIDES).map((probe) => ({ prober, probe })),
    ),
  );
  findings.push(...(await runProbes(pairs)));
  after = await snapshots();
  for (const [school, other] of [
    ['alpha', 'beta'],
    ['beta', 'alpha'],
  ] as const) {
    const otherId = fixture.schools[other].world.id;
    const otherBefore = await schoolSnapshot(fixture.t.db, otherId);
    const valuePairs = probers
      .filter((prober) => prober.school.code === school)
      .flatMap((prober) =>
        operations.flatMap((op) =>
          valueKeyedWriteProbes(doc, op, prober, unfillable, BODY_OVERRIDES).map((probe) => ({
            prober,
            probe,
          })),
        ),
      );
    // One at a time: an account's PUT, then its DELETE, of the same day.
    valueFindings.push(...(await runProbes(valuePairs, 1)));
    untouched[other] = { before: otherBefore, after: await schoolSnapshot(fixture.t.db, otherId) };
  }
}, 300_000);
afterAll(() => fixture?.t.close());

const lines = (items: readonly string[]) => `\n${[...new Set(items)].join('\n')}\n`;

describe('isolation/writes', () => {
  it('probes every write route that can name another tenant, and can fill each of them', () => {
    const problems = [
      ...new Set(
        [...unfillable, ...unfilledBodies([...findings, ...valueFindings])].map(
          (u) => `${u.op}: ${u.reason}`,
        ),
      ),
    ];
    expect(problems, `routes the suite cannot fill:${lines(problems)}`).toEqual([]);
    const probed = new Set(findings.map((f) => f.probe.op.key));
    expect([...probed]).toEqual(
      expect.arrayContaining([
        'PATCH /api/units/{id}',
        'POST /api/units',
        'POST /api/people',
        'PATCH /api/people/{id}',
      ]),
    );
    const withPath = operations
      .filter((op) => op.pathParams.length > 0 && !probed.has(op.key))
      .map((op) => op.key);
    expect(withPath, `routes with path parameters never probed:${lines(withPath)}`).toEqual([]);
  });

  it("refuses every write aimed at another school's or another college's records", () => {
    const violations = statusViolations(findings);
    expect(violations, `writes not refused as they should be:${lines(violations)}`).toEqual([]);
  });

  it('names nothing of the other tenant in the refusals', () => {
    const leaks = [...leakReport(findings), ...leakReport(findings, 'sensitiveLeaks')];
    expect(leaks, `leaks:${lines(leaks)}`).toEqual([]);
  });

  it('changes nothing stored, in either school', () => {
    expect(after.alpha).toEqual(before.alpha);
    expect(after.beta).toEqual(before.beta);
  });

  it('lets a write addressed by a value (a calendar day) reach only the caller’s own school', () => {
    const valueKeyed = operations.filter((op) => op.pathValues.length > 0 && op.pathParams.length === 0);
    expect(valueKeyed.map((op) => op.key)).toEqual(
      expect.arrayContaining([
        'PUT /api/screening/calendar/days/{date}',
        'DELETE /api/screening/calendar/days/{date}',
      ]),
    );
    // Each route did act for someone (the center), on the day the other school edited too.
    // The test schools run no early-warning rules, so a feed import answers 409 warnings.no-plugin even to the
    // school admin; its own-school import is tested in modules/warnings, its refusals of other tenants here.
    const needsRules = (op: (typeof valueKeyed)[number]) =>
      valueFindings.some((f) => f.probe.op.key === op.key && f.text.includes('"code":"warnings.no-plugin"'));
    const reached = valueKeyed.filter(
      (op) => !needsRules(op) && !valueFindings.some((f) => f.probe.op.key === op.key && f.status === 200),
    );
    expect(
      reached.map((op) => op.key),
      'value-keyed writes no account could make',
    ).toEqual([]);
    const calendarProbes = valueFindings.filter((f) =>
      f.probe.op.path.startsWith('/api/screening/calendar/'),
    );
    expect(calendarProbes.length).toBeGreaterThan(0);
    expect(calendarProbes.every((f) => f.probe.url.includes(CALENDAR_PROBE_DAY))).toBe(true);
    const violations = statusViolations(valueFindings);
    expect(violations, `value-keyed writes that failed:${lines(violations)}`).toEqual([]);
    const leaks = [...leakReport(valueFindings), ...leakReport(valueFindings, 'sensitiveLeaks')];
    expect(leaks, `leaks:${lines(leaks)}`).toEqual([]);
    expect(untouched.beta!.after, 'alpha’s writes changed beta').toEqual(untouched.beta!.before);
    expect(untouched.alpha!.after, 'beta’s writes changed alpha').toEqual(untouched.alpha!.before);
  });
});
