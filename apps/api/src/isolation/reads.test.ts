import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolationFixture, type IsolationFixture } from './fixture.ts';
import { type OpenApiDocument, type Operation, operationsOf } from './operations.ts';
import {
  describe as describeFinding,
  type Finding,
  leakReport,
  type Prober,
  readProbes,
  runProbes,
  signInEveryone,
  statusViolations,
  type Unfillable,
} from './probe.ts';

// Every GET route of the API's own OpenAPI document, as every role of two schools, with ids of the caller's own
// college, of the other college and of the other school: no answer may show what the caller must not see.
let fixture: IsolationFixture;
let operations: Operation[];
let probers: Prober[];
const findings: Finding[] = [];
const unfillable: Unfillable[] = [];

beforeAll(async () => {
  fixture = await createIsolationFixture();
  const doc = (await (await fixture.t.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  operations = operationsOf(doc).filter((op) => op.method === 'GET' && !op.public);
  probers = await signInEveryone(fixture);
  const pairs = probers.flatMap((prober) =>
    operations.flatMap((op) => readProbes(doc, op, prober, unfillable).map((probe) => ({ prober, probe }))),
  );
  findings.push(...(await runProbes(pairs)));
}, 300_000);
afterAll(() => fixture?.t.close());

const lines = (items: readonly string[]) => `\n${[...new Set(items)].join('\n')}\n`;

describe('isolation/reads', () => {
  it('probes every GET route of the OpenAPI document and can fill each of them', () => {
    const keys = operations.map((op) => op.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/units/{id}',
        'GET /api/people/{id}',
        'GET /api/audit/students/{studentId}',
      ]),
    );
    const problems = [...new Set(unfillable.map((u) => `${u.op}: ${u.reason}`))];
    expect(problems, `routes the suite cannot fill:${lines(problems)}`).toEqual([]);
    const probed = new Set(findings.map((f) => f.probe.op.key));
    const missed = keys.filter((key) => !probed.has(key));
    expect(missed, `routes never probed:${lines(missed)}`).toEqual([]);
  });

  it("answers 403 or 404 to another school's and another college's ids in the path, and never fails", () => {
    const violations = statusViolations(findings);
    expect(violations, `wrong answers:${lines(violations)}`).toEqual([]);
  });

  it('shows nobody another school’s records, and college-scoped roles nothing of the other college', () => {
    const leaks = leakReport(
      findings.filter((f) => !f.leaks.every((l) => l.label.includes(f.probe.op.path))),
    );
    expect(leaks, `leaks:${lines(leaks)}`).toEqual([]);
  });

  it('shows class committee members and dorm liaisons no screening answers, case notes, contacts or guardians', () => {
    const reduced = findings.filter((f) => /committee|liaison/.test(f.who));
    expect(reduced.length).toBeGreaterThan(0);
    const leaks = leakReport(reduced, 'sensitiveLeaks');
    expect(leaks, `leaks to reduced-view roles:${lines(leaks)}`).toEqual([]);
  });

  it("reaches real records: every account reads at least one of its own college's records by id", () => {
    // A student reads their own things through /api/me/… without ids and reaches no college record by id (the leak
    // probes above hold them to that), so only staff accounts must reach one.
    const blind = probers
      .filter((p) => !p.username.startsWith('student:'))
      .map((p) => `${p.school.code}/${p.username}`)
      .filter(
        (who) =>
          !findings.some(
            (f) =>
              f.who === who &&
              f.probe.target === 'own' &&
              f.probe.op.pathParams.length > 0 &&
              f.status === 200,
          ),
      );
    expect(blind, `accounts whose own-id probes all failed:${lines(blind)}`).toEqual([]);
    const own = findings.find(
      (f) =>
        f.who === 'alpha/counsellor1' &&
        f.probe.op.key === 'GET /api/students/{id}' &&
        f.probe.target === 'own',
    );
    expect(own && describeFinding(own)).toMatch(/→ 200$/);
    expect(own?.text).toContain('alpha同学11');
  });
});
