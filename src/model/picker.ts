/**
 * Draws a member with probability ∝ weightᵢ · online(profileᵢ, hour): who
 * replies or answers at a given minute. Built once a day (weights change
 * daily), then each draw is a profile choice and a binary search — exact, with
 * no rejection loop.
 */
import type { Uniform } from './rng.ts';

export class WeightedPicker {
  private members: Int32Array;
  private cumulative: Float64Array;
  /** Per profile: [start, end) into the arrays above. */
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly staging: Int32Array[];
  private readonly stagingWeight: Float64Array[];
  private readonly stagingCount: Int32Array;

  constructor(private readonly profiles: number, capacity: number) {
    this.members = new Int32Array(capacity);
    this.cumulative = new Float64Array(capacity);
    this.start = new Int32Array(profiles);
    this.end = new Int32Array(profiles);
    this.staging = Array.from({ length: profiles }, () => new Int32Array(capacity));
    this.stagingWeight = Array.from({ length: profiles }, () => new Float64Array(capacity));
    this.stagingCount = new Int32Array(profiles);
  }

  reset(capacity: number): void {
    if (capacity > this.members.length) {
      this.members = new Int32Array(capacity);
      this.cumulative = new Float64Array(capacity);
      for (let p = 0; p < this.profiles; p++) {
        this.staging[p] = new Int32Array(capacity);
        this.stagingWeight[p] = new Float64Array(capacity);
      }
    }
    this.stagingCount.fill(0);
  }

  add(member: number, profile: number, weight: number): void {
    if (weight <= 0) return;
    const k = this.stagingCount[profile]++;
    this.staging[profile][k] = member;
    this.stagingWeight[profile][k] = weight;
  }

  /** Lay the staged members out by profile with running weight sums. */
  build(): void {
    let at = 0;
    for (let p = 0; p < this.profiles; p++) {
      this.start[p] = at;
      let sum = 0;
      const n = this.stagingCount[p];
      for (let k = 0; k < n; k++) {
        sum += this.stagingWeight[p][k];
        this.members[at] = this.staging[p][k];
        this.cumulative[at] = sum;
        at++;
      }
      this.end[p] = at;
    }
  }

  /** Σ weights of a profile. */
  total(profile: number): number {
    const e = this.end[profile];
    return e > this.start[profile] ? this.cumulative[e - 1] : 0;
  }

  /**
   * A member drawn ∝ weight · online, where online[(profile·2 + weekend)·24 + hour]
   * is the rhythm table (rhythms.ts). -1 if nobody can be drawn.
   */
  pick(u: Uniform, online: Float64Array, weekend: number, hour: number): number {
    let total = 0;
    for (let p = 0; p < this.profiles; p++) total += this.total(p) * online[(p * 2 + weekend) * 24 + hour];
    if (total <= 0) return -1;
    let x = u() * total;
    let profile = this.profiles - 1;
    for (let p = 0; p < this.profiles; p++) {
      const share = this.total(p) * online[(p * 2 + weekend) * 24 + hour];
      if (x < share) { profile = p; break; }
      x -= share;
    }
    const lo0 = this.start[profile];
    const hi0 = this.end[profile];
    if (hi0 === lo0) return -1;
    const target = u() * this.cumulative[hi0 - 1];
    let lo = lo0;
    let hi = hi0 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] <= target) lo = mid + 1;
      else hi = mid;
    }
    return this.members[lo];
  }
}
