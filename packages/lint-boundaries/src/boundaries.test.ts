import { describe, expect, it } from 'vitest';
import { type Finding, lintFixture } from './lint-fixture.ts';

const restricted = 'lint/style/noRestrictedImports';
const nodeBuiltin = 'lint/correctness/noNodejsModules';

const countOf = (findings: Finding[], rule: string, file: string) =>
  findings.filter((f) => f.rule === rule && f.file === file && f.severity === 'error').length;

describe('import fences (biome.json)', () => {
  const planted = lintFixture('planted');

  it('fails lint on the planted violations', () => {
    expect(planted.passed).toBe(false);
  });

  it('stops a .vue screen importing the database or a Node built-in', () => {
    const file = 'apps/office-planted/src/PlantedView.vue';
    expect(countOf(planted.findings, restricted, file)).toBe(1);
    expect(countOf(planted.findings, nodeBuiltin, file)).toBe(1);
  });

  it('stops browser code importing the API, a database subpath, the API by path or a bare built-in', () => {
    const file = 'apps/office-planted/src/planted.ts';
    expect(countOf(planted.findings, restricted, file)).toBe(3);
    expect(countOf(planted.findings, nodeBuiltin, file)).toBe(1);
  });

  it('stops a frontend test importing the database, though it may use Node built-ins', () => {
    const file = 'apps/office-planted/src/planted.test.ts';
    expect(countOf(planted.findings, restricted, file)).toBe(1);
    expect(countOf(planted.findings, nodeBuiltin, file)).toBe(0);
  });

  it('stops a plugin screen importing the API (even for a type) or a Node built-in', () => {
    const file = 'plugins/planted/ui/src/Planted.vue';
    expect(countOf(planted.findings, restricted, file)).toBe(1);
    expect(countOf(planted.findings, nodeBuiltin, file)).toBe(1);
  });

  it('stops web-kit importing the database, even for a type', () => {
    expect(countOf(planted.findings, restricted, 'packages/web-kit/src/planted.ts')).toBe(1);
  });

  it('stops an API service opening its own tenant transaction or issuing its own scope', () => {
    expect(countOf(planted.findings, restricted, 'apps/api/src/modules/planted/service.ts')).toBe(2);
  });

  it("stops a module's job handler opening a transaction itself (it has ctx.inTenant)", () => {
    expect(countOf(planted.findings, restricted, 'apps/api/src/modules/planted/job.ts')).toBe(1);
  });

  it('stops a route reaching the transaction code by relative path', () => {
    expect(countOf(planted.findings, restricted, 'apps/api/src/http/planted-route.ts')).toBe(1);
  });

  it('passes the clean fixture: session code, job runner, seed and tests open tenant transactions, job handlers issue scopes', () => {
    const clean = lintFixture('clean');
    expect(clean.findings).toEqual([]);
    expect(clean.passed).toBe(true);
  });
});
