/**
 * Scoring throughput on the import hot path: validates and scores 50,000 generated responses per instrument
 * and prints one JSON line (responses per second per instrument, resident memory at the end).
 * Run: pnpm --filter @xinqiao/instruments bench
 */
import { type InstrumentId, instrumentIds, instruments, scoreResponse } from '../src/index';

const RESPONSES = 50_000;

/** Deterministic generator (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(id: InstrumentId, next: () => number): number[][] {
  const { itemCount, answerRange } = instruments[id];
  const span = answerRange.max - answerRange.min + 1;
  return Array.from({ length: RESPONSES }, () =>
    Array.from({ length: itemCount }, () => answerRange.min + Math.floor(next() * span)),
  );
}

function measure(id: InstrumentId, responses: number[][]): { perSecond: number; checksum: number } {
  let checksum = 0;
  const started = performance.now();
  for (const answers of responses) {
    const result = scoreResponse(id, answers);
    if (result.ok) checksum += result.value.total;
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: Math.round(responses.length / seconds), checksum };
}

const next = random(20250901);
const inputs = instrumentIds.map((id) => [id, generate(id, next)] as const);
for (const [id, responses] of inputs) measure(id, responses.slice(0, 5_000)); // warm-up
const figures: Record<string, number> = { responses: RESPONSES };
for (const [id, responses] of inputs) figures[`${id}PerSecond`] = measure(id, responses).perSecond;
figures.rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
console.log(JSON.stringify(figures));
