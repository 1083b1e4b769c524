import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolationFixture, type IsolationFixture } from './fixture.ts';
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

const snapshots = async () => ({
  alpha: await schoolSnapshot(fixture.t.db, fixture.schools.alpha.world.id),
  beta: await schoolSnapshot(fixture.t.db, fixture.schools.beta.world.id),
});

beforeAll(async () => {
  fixture = await createIsolationFixture();
  const doc = (await (await fixture.t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  // Signing out would end the session the other probes need; it names nothing of another tenant anyway.
  operations = operationsOf(doc).filter(
    (op) => op.method !== 'GET' && !op.public && op.path !== '/api/auth/logout',
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
}, 300_000);
afterAll(() => fixture?.t.close());

const lines = (items: readonly string[]) => `\n${[...new Set(items)].join('\n')}\n`;

describe('isolation/writes', () => {
  it('probes every write route that can name another tenant, and can fill each of them', () => {
    const problems = [
      ...new Set([...unfillable, ...unfilledBodies(findings)].map((u) => `${u.op}: ${u.reason}`)),
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
});
