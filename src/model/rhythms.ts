/**
 * Daily rhythms (MODEL §2): the chance a member of each profile is looking at
 * the group in each hour of a weekday. Posting follows the same shape.
 * Shapes are assumptions drawn to the profiles' descriptions in docs/model.md §2 (evening
 * peak 19–23; office 9–18 plus lunch; night owl 22–01); the 19–21 advantage of
 * §5 follows from them rather than being imposed.
 */
export const PROFILES = ['evening', 'office', 'nightOwl'] as const;
export type Profile = (typeof PROFILES)[number];

// hour:             0     1     2     3     4     5     6     7     8     9    10    11    12    13    14    15    16    17    18    19    20    21    22    23
export const WEEKDAY_ONLINE: Record<Profile, readonly number[]> = {
  evening:  [0.12, 0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.18, 0.22, 0.2, 0.2, 0.22, 0.35, 0.3, 0.2, 0.2, 0.2, 0.22, 0.4, 0.75, 0.85, 0.85, 0.75, 0.4],
  office:   [0.04, 0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.18, 0.4, 0.6, 0.65, 0.65, 0.75, 0.55, 0.6, 0.6, 0.6, 0.55, 0.35, 0.3, 0.35, 0.3, 0.2, 0.08],
  nightOwl: [0.75, 0.65, 0.4, 0.2, 0.08, 0.04, 0.03, 0.05, 0.1, 0.15, 0.2, 0.22, 0.3, 0.25, 0.2, 0.2, 0.22, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 0.85],
};

/** Office-rhythm weekend: the working hours (8–18) are scaled by the weekend factor. */
export const OFFICE_HOURS = { from: 8, to: 18 } as const;

export interface RhythmTables {
  /** online[(profile * 2 + weekend) * 24 + hour] ∈ [0, 1] */
  readonly online: Float64Array;
  /** cumulative posting weights per profile × day type, for drawing an hour */
  readonly hourCdf: Float64Array;
  /** relative daily volume of each profile × day type (weekday = 1) */
  readonly dayFactor: Float64Array;
}

export function buildRhythms(weekendFactorOffice: number, weekendFactorOther: number): RhythmTables {
  const online = new Float64Array(PROFILES.length * 2 * 24);
  const hourCdf = new Float64Array(PROFILES.length * 2 * 24);
  const dayFactor = new Float64Array(PROFILES.length * 2);
  PROFILES.forEach((profile, p) => {
    const base = WEEKDAY_ONLINE[profile];
    const weekdaySum = base.reduce((a, b) => a + b, 0);
    for (let weekend = 0; weekend < 2; weekend++) {
      const row = (p * 2 + weekend) * 24;
      let sum = 0;
      for (let h = 0; h < 24; h++) {
        let value = base[h];
        if (weekend) {
          const inOffice = h >= OFFICE_HOURS.from && h < OFFICE_HOURS.to;
          value *= profile === 'office' ? (inOffice ? weekendFactorOffice : 1) : weekendFactorOther;
        }
        value = Math.min(1, value);
        online[row + h] = value;
        sum += value;
        hourCdf[row + h] = sum;
      }
      for (let h = 0; h < 24; h++) hourCdf[row + h] /= sum;
      dayFactor[p * 2 + weekend] = sum / weekdaySum;
    }
  });
  return { online, hourCdf, dayFactor };
}
