import type { CaseOutcome } from '../../authoring/cases';
import { runSuites } from '../../authoring/suite';
import { formatRuleTrace } from '../../authoring/trace';
import { formatPolicyError } from '../../errors';
import { loadPluginDirectory } from '../../loader/load';
import { parseCommand, say } from '../args';

function printFailure(outcome: CaseOutcome): void {
  say(`  ✗ ${outcome.testCase.name}`);
  for (const problem of outcome.problems) say(`      ${problem}`);
  say(`      facts:    ${JSON.stringify(outcome.testCase.facts)}`);
  say(`      expected: ${JSON.stringify(outcome.testCase.expect)}`);
  if (outcome.run?.result !== undefined) say(`      actual:   ${JSON.stringify(outcome.run.result)}`);
  if (outcome.errorMessage) say(`      error:    ${outcome.errorMessage}`);
  if (!outcome.run) return;
  const expected = new Set([
    ...(outcome.testCase.expect.fired ?? []),
    ...(outcome.testCase.expect.overridden ?? []),
  ]);
  // The rules worth reading: those that fired, were expected to, or came close (some condition passed).
  const relevant = outcome.run.trace.filter(
    (trace) =>
      trace.fired ||
      expected.has(trace.name) ||
      JSON.stringify(trace.conditions ?? {}).includes('"result":true'),
  );
  say('      rules:');
  for (const trace of relevant) for (const line of formatRuleTrace(trace, '        ')) say(line);
}

/** `test [plugin]`: runs `plugins/<id>/tests/*.json`; the last line is `N passed, N failed`. */
export async function testCommand(argv: string[]): Promise<number> {
  const { positionals, dir, values } = parseCommand(argv, { verbose: { type: 'boolean', short: 'v' } });
  const suites = await runSuites(await loadPluginDirectory(dir), positionals[0]);
  let passed = 0;
  let failed = 0;
  for (const suite of suites) {
    for (const error of suite.fileErrors) {
      failed++;
      say(`✗ ${formatPolicyError(error)}`);
    }
    if (suite.loaded.status === 'refused')
      say(`✗ ${suite.loaded.id} is refused: run \`pnpm policy validate ${suite.loaded.id}\``);
    for (const file of suite.files) {
      const outcomes = suite.outcomes.filter((outcome) => outcome.file === file.file);
      const bad = outcomes.filter((outcome) => !outcome.passed);
      passed += outcomes.length - bad.length;
      failed += bad.length;
      say(
        `${bad.length ? '✗' : '✓'} ${file.file} (${file.area}): ${outcomes.length - bad.length}/${outcomes.length} passed`,
      );
      if (values.verbose)
        for (const outcome of outcomes) if (outcome.passed) say(`  ✓ ${outcome.testCase.name}`);
      for (const outcome of bad) printFailure(outcome);
    }
    if (suite.files.length === 0 && suite.fileErrors.length === 0)
      say(`- ${suite.loaded.id}: no test files in tests/`);
  }
  say(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
