/**
 * A wave as a picker names it: its name, and its instrument in brackets unless the name already says it (the
 * plugin's proposed names often end in "（PHQ-9）", and "（PHQ-9）（PHQ-9）" reads as a mistake).
 *
 * @example
 * waveLabel({ name: '2026级新生普查（PHQ-9）', instrument: 'PHQ-9' }) // '2026级新生普查（PHQ-9）'
 * waveLabel({ name: '春季复查', instrument: 'GAD-7' })               // '春季复查（GAD-7）'
 */
export function waveLabel(wave: { name: string; instrument: string }): string {
  return wave.name.toUpperCase().includes(wave.instrument.toUpperCase())
    ? wave.name
    : `${wave.name}（${wave.instrument}）`;
}
