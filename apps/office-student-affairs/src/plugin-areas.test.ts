import { describe, expect, it } from 'vitest';
import { missingAreas, otherIssues } from './plugin-areas.ts';

describe('the areas a plugin leaves out', () => {
  it('lists every 学生处 area a plugin without them lacks, in the panels’ order', () => {
    expect(missingAreas({ 'support-targets': {}, 'tier-thresholds': {} })).toEqual([
      'staffing-ratio',
      'funding-formula',
      'training-hours',
    ]);
    expect(missingAreas({ 'staffing-ratio': {}, 'funding-formula': {}, 'training-hours': {} })).toEqual([]);
  });

  it('keeps only the issues that are not about a missing area', () => {
    const issues = [
      { area: 'staffing-ratio', message: '插件未规定该项' },
      { area: 'training-hours', message: 'hours out of range' },
    ];
    expect(otherIssues(issues, ['staffing-ratio', 'funding-formula'])).toEqual([issues[1]]);
  });
});
