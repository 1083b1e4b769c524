import { describe, expect, it } from 'vitest';
import { waveLabel } from './wave-label.ts';

describe('waveLabel', () => {
  it('does not repeat an instrument the name already gives', () => {
    expect(waveLabel({ name: '2026级新生普查（PHQ-9）', instrument: 'PHQ-9' })).toBe(
      '2026级新生普查（PHQ-9）',
    );
    expect(waveLabel({ name: 'UPI 普查', instrument: 'UPI' })).toBe('UPI 普查');
  });

  it('adds the instrument a name leaves out', () => {
    expect(waveLabel({ name: '春季复查', instrument: 'GAD-7' })).toBe('春季复查（GAD-7）');
  });
});
