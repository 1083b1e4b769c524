import { describe, expect, it } from 'vitest';
import { casePath, studentFilePath } from './links.ts';

describe('links into the college station', () => {
  it("point at the student's file and the case page the college station shows", () => {
    expect(studentFilePath('s 1')).toBe('/college-station/students/s%201');
    expect(casePath('c1')).toBe('/college-station/cases/c1');
  });
});
