import { join } from 'node:path';
import { DEMO_SCHOOL_CODES, type DemoSchoolCode, generateDemoSchool } from '@xinqiao/demo-data';
import { loadPluginDirectory } from '@xinqiao/policy';
import { mulberry32, syntheticPhq9, syntheticUpi } from '../modules/screening/synthetic.ts';
import { CliError } from './import-screening.ts';

/** What `pnpm xinqiao sample-wave` writes. */
export interface SampleWaveCommand {
  school: string;
  instrument: 'UPI' | 'PHQ-9';
  rows: number;
  repoRoot: string;
}

/** The rows the sample puts last, each wrong in one way the import must report. */
export const SAMPLE_BAD_ROWS = ['unknown student number', 'wrong item count', 'out-of-range answer'] as const;

/**
 * A wave file to try the screening import with: `rows` students of a demo school (the ones `pnpm start` seeds, as
 * its default of 5,000 students per school regenerates them), spread over every college, with generated answers,
 * then three rows the import must refuse (see {@link SAMPLE_BAD_ROWS}). One column per item, as questionnaire
 * platforms export. Pure: the same command gives the same file.
 *
 * @example
 * const csv = await sampleWave({ school: 'hrbmu', instrument: 'PHQ-9', rows: 200, repoRoot });
 */
export async function sampleWave(command: SampleWaveCommand): Promise<string> {
  if (!(DEMO_SCHOOL_CODES as readonly string[]).includes(command.school)) {
    throw new CliError(
      `没有演示学校 ${command.school}（可选 ${DEMO_SCHOOL_CODES.join('、')}） / No demo school`,
    );
  }
  const plugin = (await loadPluginDirectory(join(command.repoRoot, 'plugins'))).forSchool(command.school);
  if (!plugin) throw new CliError(`学校 ${command.school} 没有启用的策略插件 / No active plugin`);
  const school = generateDemoSchool({
    schoolCode: command.school as DemoSchoolCode,
    levels: plugin.manifest.network,
  });
  // Every k-th student, so each college (and each counsellor) gets some.
  const step = Math.max(1, Math.floor(school.students.length / command.rows));
  const students = school.students.filter((_, i) => i % step === 0).slice(0, command.rows);
  const items = command.instrument === 'UPI' ? 64 : 9;
  const random = mulberry32(2025);
  const answersOf = () => (command.instrument === 'UPI' ? syntheticUpi(random) : syntheticPhq9(random));
  const line = (number: string, name: string, answers: (number | string)[]) =>
    [number, name, '2025-03-10 09:30', ...answers].join(',');
  const lines = [
    ['学号', '姓名', '提交时间', ...Array.from({ length: items }, (_, i) => `Q${i + 1}`)].join(','),
    ...students.map((s) => line(s.studentNumber, s.name, answersOf())),
    line('2099000001', '查无此人', answersOf()),
    line(students[0]!.studentNumber, students[0]!.name, answersOf().slice(0, items - 1)),
    line(
      students[1]!.studentNumber,
      students[1]!.name,
      answersOf().map((a, i) => (i === 2 ? 7 : a)),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
