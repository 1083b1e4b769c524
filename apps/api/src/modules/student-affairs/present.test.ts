import { describe, expect, it } from 'vitest';
import { message } from '../../http/problem.ts';
import type { StudentAffairsOverview } from './overview.ts';
import { presentOverview } from './present.ts';

const overview = {
  academicYear: 2025,
  academicYears: [2025],
  plugin: { id: 'hrbmu', version: '1.0.0' },
  enrolment: 12000,
  staff: [],
  staffing: null,
  funding: null,
  training: null,
  issues: [
    {
      area: 'funding-formula',
      message: message('student-affairs.area-not-configured', { area: 'funding-formula' }),
    },
  ],
} satisfies StudentAffairsOverview;

describe('student-affairs/present', () => {
  it('says why an area could not be computed in the reader’s language, with the same code', () => {
    expect(presentOverview(overview, 'zh-CN').issues).toEqual([
      {
        area: 'funding-formula',
        code: 'student-affairs.area-not-configured',
        message:
          '学校插件没有规定“心理健康教育专项经费标准”，请在插件中加入这一领域（funding-formula）的规则',
      },
    ]);
    expect(presentOverview(overview, 'en').issues).toEqual([
      {
        area: 'funding-formula',
        code: 'student-affairs.area-not-configured',
        message:
          "The school's plugin does not set the dedicated funding per student; add rules for the area funding-formula to the plugin",
      },
    ]);
  });
});
