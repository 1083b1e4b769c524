import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AREA_IDS, type AreaId } from '../contracts';
import type { AreaRun } from '../engine/compiled-area';
import { type CompiledPlugin, explain } from '../engine/plugin';
import { type PolicyError, PolicyFactsError } from '../errors';
import { parseJson } from '../loader/read-json';
import { zodErrors } from '../zod-issues';
import { firstMismatch, sameNames } from './match';

const caseSchema = z
  .object({
    name: z.string().min(1),
    facts: z.record(z.string(), z.unknown()),
    expect: z
      .object({
        result: z.record(z.string(), z.unknown()).optional().describe('Part of the result that must match'),
        fired: z.array(z.string()).optional().describe('Exactly the rules that fire and are not overridden'),
        overridden: z.array(z.string()).optional().describe('Exactly the rules that fire but are overridden'),
        error: z
          .string()
          .min(1)
          .optional()
          .describe('The evaluation must fail with a message containing this'),
      })
      .strict()
      .refine((expect) => Object.keys(expect).length > 0, 'expect needs result, fired, overridden or error'),
  })
  .strict();

/** Schema of a test file `plugins/<id>/tests/*.json`. */
export const testFileSchema = z
  .object({ $schema: z.string().optional(), area: z.enum(AREA_IDS), cases: z.array(caseSchema).min(1) })
  .strict();
export type TestCase = z.infer<typeof caseSchema>;

/** A parsed test file with its display name. */
export interface TestFile {
  readonly file: string;
  readonly area: AreaId;
  readonly cases: readonly TestCase[];
}

/**
 * Reads every `tests/*.json` of a plugin folder; problems (bad JSON, bad shape) come back as policy errors.
 * @example await readTestFiles('/repo/plugins/hut', 'plugins/hut')
 */
export async function readTestFiles(
  dir: string,
  displayDir: string,
): Promise<{ files: TestFile[]; errors: PolicyError[] }> {
  const testsDir = path.join(dir, 'tests');
  const names = (await readdir(testsDir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files: TestFile[] = [];
  const errors: PolicyError[] = [];
  for (const name of names) {
    const file = `${displayDir}/tests/${name}`;
    const parsed = parseJson(await readFile(path.join(testsDir, name), 'utf8'), file);
    if (parsed.errors.length) {
      errors.push(...parsed.errors);
      continue;
    }
    const checked = testFileSchema.safeParse(parsed.value);
    if (!checked.success) errors.push(...zodErrors(checked.error, file));
    else files.push({ file, area: checked.data.area, cases: checked.data.cases });
  }
  return { files, errors };
}

/** The outcome of one case. */
export interface CaseOutcome {
  readonly file: string;
  readonly area: AreaId;
  readonly testCase: TestCase;
  readonly passed: boolean;
  /** Why it failed, one line each. */
  readonly problems: readonly string[];
  /** The run, when the facts were valid. */
  readonly run?: AreaRun<unknown>;
  readonly errorMessage?: string;
}

/** Runs one case against a compiled plugin and compares with its expectations. */
export async function runCase(
  plugin: CompiledPlugin,
  file: string,
  area: AreaId,
  testCase: TestCase,
): Promise<CaseOutcome> {
  const problems: string[] = [];
  const base = { file, area, testCase };
  if (!plugin.provides(area)) {
    return {
      ...base,
      passed: false,
      problems: [`plugin "${plugin.id}" does not provide the area "${area}"`],
    };
  }
  let run: AreaRun<unknown> | undefined;
  let errorMessage: string | undefined;
  try {
    run = await explain(plugin, area, testCase.facts);
    errorMessage = run.error?.message;
  } catch (error) {
    if (!(error instanceof PolicyFactsError)) throw error;
    errorMessage = error.message;
  }
  const { expect } = testCase;
  if (expect.error !== undefined) {
    if (errorMessage === undefined)
      problems.push(`expected an error containing "${expect.error}", got a result`);
    else if (!errorMessage.includes(expect.error))
      problems.push(`expected an error containing "${expect.error}", got: ${errorMessage}`);
  } else if (errorMessage !== undefined) {
    problems.push(`unexpected error: ${errorMessage}`);
  }
  if (run && expect.result !== undefined && run.result !== undefined) {
    const mismatch = firstMismatch(expect.result, run.result);
    if (mismatch) problems.push(`result differs at ${mismatch}`);
  }
  if (run && expect.fired && !sameNames(expect.fired, run.firedRules)) {
    problems.push(
      `fired rules differ: expected [${expect.fired.join(', ')}], got [${run.firedRules.join(', ')}]`,
    );
  }
  if (run && expect.overridden && !sameNames(expect.overridden, run.overriddenRules)) {
    problems.push(
      `overridden rules differ: expected [${expect.overridden.join(', ')}], got [${run.overriddenRules.join(', ')}]`,
    );
  }
  return {
    ...base,
    passed: problems.length === 0,
    problems,
    ...(run ? { run } : {}),
    ...(errorMessage ? { errorMessage } : {}),
  };
}
