/**
 * Member state as a struct of typed arrays (one slot per member who ever
 * joined; Agents.jl-style data layout). Slots grow by doubling; nothing is
 * allocated per member per hour.
 */

const MEMBER_FIELDS = {
  // traits, drawn at entry and fixed (MODEL.md §2)
  archetype: Uint8Array, // 0 core, 1 active, 2 ordinary
  isTeam: Uint8Array,
  rate: Float64Array, // messages/day when fully engaged
  relevance: Float64Array,
  valuesFit: Float64Array,
  responsive: Uint8Array, // reacts to points and titles
  tolerance: Float64Array, // messages/day before overload
  profile: Uint8Array, // index into PROFILES
  marketer: Uint8Array,
  tieKey: Float64Array, // random order for ties in "longest silent first"
  // state
  engagement: Float64Array,
  baseline: Float64Array,
  dnd: Uint8Array,
  presence: Uint8Array, // 0 present, 1 left, 2 removed
  joinDay: Int32Array, // start of the current stay
  cohortDay: Int32Array, // first join
  points: Float64Array,
  title: Uint8Array,
  strikes: Uint8Array,
  warned: Uint8Array,
  mutedUntil: Float64Array, // absolute minute
  probationUntil: Int32Array, // first day allowed to speak
  lastSpoke: Int32Array, // -1 never
  lastDm: Int32Array,
  dmBoostUntil: Int32Array,
  leftDay: Int32Array,
  contacted: Uint8Array, // win-back contact made for the current absence
  ties: Int32Array, // distinct reply partners
  spokeMask: Uint8Array, // bit k: spoke k days ago (bit 0 today)
  messagesTotal: Float64Array,
  // per-day counters, reset each day
  repliesToday: Int32Array,
  ignoredToday: Int32Array,
  penalisedToday: Uint8Array,
  recognitionToday: Float64Array,
  dmToday: Uint8Array,
} as const;

type FieldName = keyof typeof MEMBER_FIELDS;
export type MemberArrays = { -readonly [K in FieldName]: InstanceType<(typeof MEMBER_FIELDS)[K]> };

export const PRESENT = 0;
export const LEFT = 1;
export const REMOVED = 2;
export type Presence = typeof PRESENT | typeof LEFT | typeof REMOVED;

export class Members {
  count = 0;
  capacity: number;
  a: MemberArrays;

  constructor(initialCapacity: number) {
    this.capacity = Math.max(8, initialCapacity);
    this.a = {} as MemberArrays;
    for (const name of Object.keys(MEMBER_FIELDS) as FieldName[]) {
      (this.a as Record<FieldName, unknown>)[name] = new MEMBER_FIELDS[name](this.capacity);
    }
  }

  /** Reserve a new slot and return its index. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    return this.count++;
  }

  private grow(): void {
    const next = this.capacity * 2;
    for (const name of Object.keys(MEMBER_FIELDS) as FieldName[]) {
      const old = this.a[name];
      const fresh = new MEMBER_FIELDS[name](next);
      (fresh as { set(source: ArrayLike<number>): void }).set(old);
      (this.a as Record<FieldName, unknown>)[name] = fresh;
    }
    this.capacity = next;
  }
}

/** Days spoken in the last 7: the bits set in a 7-bit mask, by table. */
const POPCOUNT7 = Uint8Array.from({ length: 128 }, (_, mask) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
});

export function popcount7(mask: number): number {
  return POPCOUNT7[mask & 0x7f];
}
