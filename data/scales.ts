/**
 * Organisations larger than the committed sample, generated on demand (never committed): the
 * benchmarks, the scale tests and `npm start -- --scale <name>` build them from a seed, so the
 * same name always gives the same org. Every team has twenty reps, so a first-line manager's
 * scorecard is the same size at every scale and only the VP's organisation grows.
 */

export interface ScaleSpec {
  /** A named scale, or any name for an org a test builds to its own measure. */
  name: string;
  /** First-line managers reporting to the VP. */
  managers: number;
  repsPerManager: number;
  opportunities: number;
  /** Days between One-on-Ones each manager keeps, manager by manager in turn. */
  oneOnOneDays: readonly number[];
  /** Days between a rep's other sessions (deal reviews, pipeline reviews, …), drawn in [min, max]. */
  otherSessionDays: readonly [number, number];
}

export type ScaleName = 'team' | 'region' | 'enterprise';

export const SCALES: Readonly<Record<ScaleName, ScaleSpec>> = Object.freeze({
  team: {
    name: 'team',
    managers: 1,
    repsPerManager: 20,
    opportunities: 10_000,
    oneOnOneDays: [7],
    otherSessionDays: [3, 7]
  },
  region: {
    name: 'region',
    managers: 10,
    repsPerManager: 20,
    opportunities: 100_000,
    oneOnOneDays: [7, 7, 10, 14],
    otherSessionDays: [3, 7]
  },
  enterprise: {
    name: 'enterprise',
    managers: 50,
    repsPerManager: 20,
    opportunities: 1_000_000,
    oneOnOneDays: [7, 7, 10, 14],
    otherSessionDays: [3, 7]
  }
});

export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];

export function isScaleName(value: unknown): value is ScaleName {
  return typeof value === 'string' && (SCALE_NAMES as string[]).includes(value);
}

/**
 * The reps of a scale: managers × reps per manager.
 * @internal Reached by the benchmarks and tests; the generator counts reps as it builds them.
 */
export function repCount(spec: ScaleSpec): number {
  return spec.managers * spec.repsPerManager;
}
