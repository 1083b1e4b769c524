import { describe, expect, it } from 'vitest';
import { pathOf, type View, viewOf } from './routes.ts';

const base = '/college-station';

describe('module pages', () => {
  it('reads each page back from the path it links to', () => {
    const views: View[] = [
      { name: 'students' },
      { name: 'followUps' },
      { name: 'student', id: '0d6f3c1e-5b7a-4c4e-9a43-6f1e2b8a9c10' },
      { name: 'case', id: 'c-1' },
      { name: 'concerns', tab: 'triage' },
      { name: 'concerns', tab: 'mine' },
      { name: 'concern', id: '5e3f0a52-2d1c-4b8e-9f70-1c2d3e4f5a6b' },
      { name: 'keyStudents', tab: 'roster' },
      { name: 'keyStudents', tab: 'approvals' },
      { name: 'kpis' },
    ];
    for (const view of views) expect(viewOf(pathOf(view, base), base)).toEqual(view);
  });

  it('shows the student list for the module root and for unknown paths', () => {
    expect(viewOf('/college-station/', base)).toEqual({ name: 'students' });
    expect(viewOf('/college-station/students', base)).toEqual({ name: 'students' });
    expect(viewOf('/college-station/students/1/extra', base)).toEqual({ name: 'students' });
    expect(viewOf('/elsewhere/cases/1', base)).toEqual({ name: 'students' });
  });
});
