/**
 * Draws a member with probability ∝ weightᵢ · online(profileᵢ, hour): who
 * replies or answers at a given minute. Filled once a day (weights change
 * daily), one list of running sums per profile; each draw is a profile choice
 * and a binary search — exact, with no rejection loop.
 */
import type { Uniform } from './rng.ts';

export class WeightedPicker {
  private members: Int32Array[];
  private cumulative: Float64Array[];
  private readonly count: Int32Array;
  private readonly totals: Float64Array;

  constructor(private readonly profiles: number, capacity: number) {
    this.members = Array.from({ length: profiles }, () => new Int32Array(capacity));
    this.cumulative = Array.from({ length: profiles }, () => new Float64Array(capacity));
    this.count = new Int32Array(profiles);
    this.totals = new Float64Array(profiles);
  }

  /** Empty the picker, with room for `capacity` members per profile. */
  reset(capacity: number): void {
    if (capacity > this.members[0].length) {
      this.members = this.members.map(() => new Int32Array(capacity));
      this.cumulative = this.cumulative.map(() => new Float64Array(capacity));
    }
    this.count.fill(0);
    this.totals.fill(0);
  }

  add(member: number, profile: number, weight: number): void {
    if (weight <= 0) return;
    const k = this.count[profile]++;
    this.totals[profile] += weight;
    this.members[profile][k] = member;
    this.cumulative[profile][k] = this.totals[profile];
  }

  /** Σ weights of a profile. */
  total(profile: number): number {
    return this.totals[profile];
  }

  /**
   * A member drawn ∝ weight · online, where online[(profile·2 + weekend)·24 + hour]
   * is the rhythm table (rhythms.ts). -1 if nobody can be drawn.
   */
  pick(u: Uniform, online: Float64Array, weekend: number, hour: number): number {
    let total = 0;
    for (let p = 0; p < this.profiles; p++) total += this.totals[p] * online[(p * 2 + weekend) * 24 + hour];
    if (total <= 0) return -1;
    let x = u() * total;
    let profile = this.profiles - 1;
    for (let p = 0; p < this.profiles; p++) {
      const share = this.totals[p] * online[(p * 2 + weekend) * 24 + hour];
      if (x < share) { profile = p; break; }
      x -= share;
    }
    const n = this.count[profile];
    if (n === 0) return -1;
    const cumulative = this.cumulative[profile];
    const target = u() * this.totals[profile];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.members[profile][lo];
  }
}
