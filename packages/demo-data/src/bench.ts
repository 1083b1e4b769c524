// pnpm --filter @xinqiao/demo-data bench: generates the four seed schools and prints one JSON line of figures.
import { DEMO_SCHOOL_CODES, generateDemoSchool, type NetworkLevel } from './index.ts';

const lower: NetworkLevel[] = [
  { key: 'college', name: '学院心理辅导站', nameEn: 'College counselling station' },
  { key: 'class', name: '班级', nameEn: 'Class' },
  { key: 'dorm', name: '寝室', nameEn: 'Dorm' },
];
const levels: NetworkLevel[] = [{ key: 'center', name: '心理健康教育中心', nameEn: 'Center' }, ...lower];

const runs: number[] = [];
let students = 0;
let units = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const schools = DEMO_SCHOOL_CODES.map((code) => generateDemoSchool({ schoolCode: code, levels }));
  runs.push(performance.now() - start);
  students = schools.reduce((n, s) => n + s.students.length, 0);
  units = schools.reduce((n, s) => n + s.units.length, 0);
}
const round = (ms: number) => Math.round(ms * 10) / 10;
console.log(
  JSON.stringify({
    bench: 'demo-data',
    schools: DEMO_SCHOOL_CODES.length,
    students,
    units,
    firstRunMs: round(runs[0]!),
    warmMedianMs: round([...runs.slice(1)].sort((a, b) => a - b)[2]!),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  }),
);
