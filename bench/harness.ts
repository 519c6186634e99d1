/**
 * Benchmark harness: sections that each produce Markdown tables, median timings after warm-up,
 * and a sink that keeps results observable so the optimiser cannot drop the measured work.
 */
import { performance } from 'node:perf_hooks';

export interface BenchTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  notes?: string[];
}

export interface BenchSection {
  /** Results file name under bench/results, without extension. */
  id: string;
  title: string;
  run: () => BenchTable[] | Promise<BenchTable[]>;
}

let sinkValue = 0;

/** Keeps a value alive; read by the runner so no measured result is dead code. */
export function sink(value: unknown): void {
  if (typeof value === 'number') sinkValue += value;
  else if (Array.isArray(value)) sinkValue += value.length;
  else if (value !== null && value !== undefined) sinkValue += 1;
}

export function sinkTotal(): number {
  return sinkValue;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Timing {
  /** Median milliseconds per call. */
  medianMs: number;
  samples: number;
  callsPerSample: number;
}

/**
 * Median time of `fn` per call. Calls are batched so one sample lasts at least
 * `minSampleMs` (sub-millisecond work is then above timer resolution), after `warmupMs`
 * of warm-up so the JIT has optimised the code being measured.
 */
export function measure(
  fn: () => unknown,
  options: { samples?: number; minSampleMs?: number; warmupMs?: number } = {}
): Timing {
  const samples = options.samples ?? 15;
  const minSampleMs = options.minSampleMs ?? 5;
  const warmupMs = options.warmupMs ?? 200;
  const warmupEnd = performance.now() + warmupMs;
  let calls = 0;
  while (performance.now() < warmupEnd || calls < 3) {
    sink(fn());
    calls++;
  }
  let callsPerSample = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < callsPerSample; i++) sink(fn());
    if (performance.now() - start >= minSampleMs || callsPerSample >= 1 << 20) break;
    callsPerSample *= 2;
  }
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < callsPerSample; i++) sink(fn());
    times.push((performance.now() - start) / callsPerSample);
  }
  return { medianMs: median(times), samples, callsPerSample };
}

/**
 * Median times of several functions measured in alternation (one batch of each per round),
 * so load on the machine affects them alike, and the median per-round ratio of each to the
 * first (the baseline) — steadier than a ratio of medians taken at different moments.
 */
export function measureTogether(
  fns: readonly (() => unknown)[],
  options: { samples?: number; minSampleMs?: number; warmupMs?: number } = {}
): { medianMs: number[]; ratioToFirst: number[] } {
  const samples = options.samples ?? 15;
  const batches = fns.map((fn) => measure(fn, { ...options, samples: 1 }).callsPerSample);
  const times: number[][] = fns.map(() => []);
  for (let s = 0; s < samples; s++) {
    fns.forEach((fn, f) => {
      const start = performance.now();
      for (let i = 0; i < batches[f]; i++) sink(fn());
      times[f].push((performance.now() - start) / batches[f]);
    });
  }
  return {
    medianMs: times.map(median),
    ratioToFirst: times.map((series) => median(series.map((time, s) => time / times[0][s])))
  };
}

export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

export function markdownTable(table: BenchTable): string {
  const lines = [`### ${table.title}`, ''];
  lines.push(`| ${table.headers.join(' | ')} |`);
  lines.push(`| ${table.headers.map(() => '---').join(' | ')} |`);
  for (const row of table.rows) lines.push(`| ${row.map(String).join(' | ')} |`);
  if (table.notes && table.notes.length > 0) {
    lines.push('');
    for (const note of table.notes) lines.push(note);
  }
  return lines.join('\n');
}
