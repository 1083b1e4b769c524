/**
 * Synthetic questionnaire answers for the benchmark and the tier-equivalence test: deterministic (mulberry32), most
 * students answer low, a tail answers high, and self-harm items are rarer than the others, so every tier occurs.
 */

/** A seeded pseudo-random source in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 64 UPI answers (0/1) of a student with a random strain level. */
export function syntheticUpi(random: () => number): number[] {
  const strain = random() ** 3;
  const answers = Array.from({ length: 64 }, () => (random() < 0.05 + strain * 0.6 ? 1 : 0));
  if (random() > strain * 0.2) answers[24] = 0; // item 25: thoughts of ending one's life
  for (let item = 60; item < 64; item++) if (random() > strain) answers[item] = 0; // extra items are rarer
  return answers;
}

/** 9 PHQ-9 answers (0–3) of a student with a random strain level. */
export function syntheticPhq9(random: () => number): number[] {
  const strain = random() ** 3;
  const answers = Array.from({ length: 9 }, () => {
    let score = 0;
    for (let i = 0; i < 3; i++) if (random() < strain * 0.85) score++;
    return score;
  });
  if (random() < 0.9) answers[8] = 0; // item 9 (self-harm) is rarer than the other symptoms
  return answers;
}
