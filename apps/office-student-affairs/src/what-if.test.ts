import { join } from 'node:path';
import { evaluate, loadPluginFolder } from '@xinqiao/policy';
import { describe, expect, it } from 'vitest';
import { compileSchoolPlugin, whatIf } from './what-if.ts';

// The seed plugin exactly as the API serves it at GET /api/plugins/active ({ manifest, rules }), and the same
// plugin as the API loads it from disk, evaluated with the API's own import of @xinqiao/policy.
const PLUGIN_DIR = join(import.meta.dirname, '..', '..', '..', 'plugins', 'hrbmu');

async function loadBoth() {
  const loaded = await loadPluginFolder(PLUGIN_DIR);
  if (!loaded.plugin) throw new Error(`plugins/hrbmu refused: ${JSON.stringify(loaded.errors)}`);
  const server = loaded.plugin;
  const browser = compileSchoolPlugin(JSON.parse(JSON.stringify(server.bundle)));
  return { server, browser };
}

describe('what-if in the browser', () => {
  it('answers "at 30,000 students, how many full-time staff and how much funding?" with the seed figures', async () => {
    const { browser } = await loadBoth();
    const answer = await whatIf(browser, {
      enrolment: 30000,
      fullTimeStaff: 5,
      staffType: 'full-time',
      hours: 32,
    });
    // Seed 000 (Harbin Medical University): 1 full-time teacher per 4,000 students, 15 yuan per student per year,
    // full-time teachers at least 40 training hours a year.
    expect(answer.staffing).toMatchObject({ requiredFullTimeStaff: 8, shortfall: 3, compliant: false });
    expect(answer.funding?.yearlyYuan).toBe(450000);
    expect(answer.training).toMatchObject({ requiredHours: 40, compliant: false, shortfallHours: 8 });
    expect(answer.issues).toEqual([]);
  });

  it('gives the same answer as the API for the same facts', async () => {
    const { server, browser } = await loadBoth();
    for (const enrolment of [0, 1, 3999, 4000, 4001, 12345, 30000, 1_000_000]) {
      const facts = { enrolment, fullTimeStaff: 4, staffType: 'part-time' as const, hours: 19.5 };
      const answer = await whatIf(browser, facts);
      expect(answer.staffing, `staffing at ${enrolment}`).toEqual(
        await evaluate(server, 'staffing-ratio', { enrolment, fullTimeStaff: 4 }),
      );
      expect(answer.funding, `funding at ${enrolment}`).toEqual(
        await evaluate(server, 'funding-formula', { enrolment }),
      );
      expect(answer.training).toEqual(
        await evaluate(server, 'training-hours', { staffType: 'part-time', hours: 19.5 }),
      );
    }
  });

  it('explains facts the plugin cannot take instead of failing', async () => {
    const { browser } = await loadBoth();
    const answer = await whatIf(browser, {
      enrolment: -1,
      fullTimeStaff: 0,
      staffType: 'full-time',
      hours: 5000,
    });
    expect(answer.staffing).toBeNull();
    expect(answer.issues.map((i) => i.area)).toEqual(['staffing-ratio', 'funding-formula', 'training-hours']);
    expect(answer.issues[0]?.message).toContain('enrolment');
  });

  it('refuses a bundle that does not compile, naming the problem', () => {
    expect(() => compileSchoolPlugin({ manifest: { id: 'x' }, rules: {} })).toThrow(/plugin\.json/);
  });
});
