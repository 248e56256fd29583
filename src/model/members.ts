/**
 * Member state as a struct of typed arrays (one slot per member who ever
 * joined; Agents.jl-style data layout). Slots grow by doubling; nothing is
 * allocated per member per hour.
 */

/**
 * One typed array per member field. Fields are declared one by one (not added
 * in a loop) so the object keeps a fixed shape: V8 turns an object built by
 * adding many computed keys into a slow dictionary.
 */
export class MemberArrays {
  // traits, drawn at entry and fixed (MODEL §2)
  readonly archetype: Uint8Array; // 0 core, 1 active, 2 ordinary
  readonly isTeam: Uint8Array;
  readonly rate: Float64Array; // messages/day when fully engaged
  readonly relevance: Float64Array;
  readonly valuesFit: Float64Array;
  readonly responsive: Uint8Array; // reacts to points and titles
  readonly tolerance: Float64Array; // messages/day before overload
  readonly profile: Uint8Array; // index into PROFILES
  readonly marketer: Uint8Array;
  readonly tieKey: Float64Array; // random order for ties in "longest silent first"
  readonly talkativeness: Float64Array; // rate/(rate + rate½): how readily they reply, answer, join in (MODEL §3.3)
  readonly violationRate: Float64Array; // violations/day unchecked: 0 unless values fit is below the cutoff (MODEL §3.7)
  // state
  readonly engagement: Float64Array;
  readonly baseline: Float64Array;
  readonly dnd: Uint8Array;
  readonly presence: Uint8Array; // 0 present, 1 left, 2 removed
  readonly joinDay: Int32Array; // start of the current stay
  readonly cohortDay: Int32Array; // first join
  readonly points: Float64Array;
  readonly title: Uint8Array;
  readonly strikes: Uint8Array;
  readonly warned: Uint8Array;
  readonly mutedUntil: Float64Array; // absolute minute
  readonly probationUntil: Int32Array; // first day allowed to speak
  readonly lastSpoke: Int32Array; // -1 never
  readonly lastDm: Int32Array;
  readonly dmBoostUntil: Int32Array;
  readonly dmWeariness: Float64Array; // recent DMs, fading daily (MODEL §4 fatigue)
  readonly dmBlocked: Uint8Array; // muted the team's DMs after an unwelcome one
  readonly annoyance: Float64Array; // ads and violations seen against value got, smoothed (MODEL §4)
  readonly activeSpell: Uint8Array; // 1 in an active spell, 0 in a quiet one (MODEL §3.2 bursty members)
  readonly spellOn: Float64Array; // posting on an active-spell day, relative to the member's mean (MODEL §3.2)
  readonly spellOff: Float64Array; // and on a quiet-spell day
  readonly messagesToday: Int32Array; // own substantive messages today
  readonly dailySquares: Float64Array; // Σ over days of messagesToday² (over-dispersion, MODEL §7)
  readonly daysPresent: Int32Array;
  readonly leftDay: Int32Array;
  readonly contacted: Uint8Array; // win-back contact made for the current absence
  readonly ties: Int32Array; // distinct reply partners
  readonly spokeMask: Uint32Array; // bit k: spoke k days ago (bit 0 today), 32 days
  readonly messagesTotal: Float64Array;
  readonly hookBoost: Float64Array; // posting boost after joining a red-packet or giveaway burst, fading daily
  // the first message (newcomers and replies, MODEL §4, §7)
  readonly firstMessageAt: Float64Array; // absolute minute; -1 never posted
  readonly firstMessage: Int32Array; // its index in the message log
  readonly firstReplied: Uint8Array; // it got a reply within 24 h
  readonly postedAgain: Uint8Array; // posted again within 30 days of it
  // per-day counters, reset each day
  readonly repliesToday: Int32Array;
  readonly ignoredToday: Int32Array;
  readonly penalisedToday: Uint8Array;
  readonly recognitionToday: Float64Array;
  readonly dmToday: Float64Array; // engagement DMs gave (or cost) today
  readonly welcomedToday: Uint8Array; // the first message got its first reply today
  readonly firstIgnoredToday: Uint8Array; // the first message, posted yesterday, got no reply

  constructor(capacity: number) {
    this.archetype = new Uint8Array(capacity);
    this.isTeam = new Uint8Array(capacity);
    this.rate = new Float64Array(capacity);
    this.relevance = new Float64Array(capacity);
    this.valuesFit = new Float64Array(capacity);
    this.responsive = new Uint8Array(capacity);
    this.tolerance = new Float64Array(capacity);
    this.profile = new Uint8Array(capacity);
    this.marketer = new Uint8Array(capacity);
    this.tieKey = new Float64Array(capacity);
    this.talkativeness = new Float64Array(capacity);
    this.violationRate = new Float64Array(capacity);
    this.engagement = new Float64Array(capacity);
    this.baseline = new Float64Array(capacity);
    this.dnd = new Uint8Array(capacity);
    this.presence = new Uint8Array(capacity);
    this.joinDay = new Int32Array(capacity);
    this.cohortDay = new Int32Array(capacity);
    this.points = new Float64Array(capacity);
    this.title = new Uint8Array(capacity);
    this.strikes = new Uint8Array(capacity);
    this.warned = new Uint8Array(capacity);
    this.mutedUntil = new Float64Array(capacity);
    this.probationUntil = new Int32Array(capacity);
    this.lastSpoke = new Int32Array(capacity);
    this.lastDm = new Int32Array(capacity);
    this.dmBoostUntil = new Int32Array(capacity);
    this.dmWeariness = new Float64Array(capacity);
    this.dmBlocked = new Uint8Array(capacity);
    this.annoyance = new Float64Array(capacity);
    this.activeSpell = new Uint8Array(capacity);
    this.spellOn = new Float64Array(capacity);
    this.spellOff = new Float64Array(capacity);
    this.messagesToday = new Int32Array(capacity);
    this.dailySquares = new Float64Array(capacity);
    this.daysPresent = new Int32Array(capacity);
    this.leftDay = new Int32Array(capacity);
    this.contacted = new Uint8Array(capacity);
    this.ties = new Int32Array(capacity);
    this.spokeMask = new Uint32Array(capacity);
    this.messagesTotal = new Float64Array(capacity);
    this.hookBoost = new Float64Array(capacity);
    this.firstMessageAt = new Float64Array(capacity);
    this.firstMessage = new Int32Array(capacity);
    this.firstReplied = new Uint8Array(capacity);
    this.postedAgain = new Uint8Array(capacity);
    this.repliesToday = new Int32Array(capacity);
    this.ignoredToday = new Int32Array(capacity);
    this.penalisedToday = new Uint8Array(capacity);
    this.recognitionToday = new Float64Array(capacity);
    this.dmToday = new Float64Array(capacity);
    this.welcomedToday = new Uint8Array(capacity);
    this.firstIgnoredToday = new Uint8Array(capacity);
  }
}

type FieldName = keyof MemberArrays;
type MemberField = Float64Array | Int32Array | Uint32Array | Uint8Array;
const FIELD_NAMES = Object.keys(new MemberArrays(0)) as FieldName[];

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
    this.a = new MemberArrays(this.capacity);
  }

  /** Reserve a new slot and return its index. */
  add(): number {
    if (this.count === this.capacity) this.grow();
    return this.count++;
  }

  /** Doubles every field in place: code holding `a` keeps working (arrays read into locals must be re-read). */
  private grow(): void {
    const next = this.capacity * 2;
    const fresh = new MemberArrays(next);
    const fields = this.a as unknown as Record<FieldName, MemberField>;
    for (const name of FIELD_NAMES) {
      const grown = fresh[name];
      (grown as { set(source: ArrayLike<number>): void }).set(fields[name]);
      fields[name] = grown;
    }
    this.capacity = next;
  }
}

/** Days spoken among the days a mask covers: the bits set (32-bit popcount). */
export function daysSpoken(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The mask of the last `days` days (bit 0 today). */
export function windowMask(days: number): number {
  return days >= 32 ? 0xffffffff : ((1 << days) >>> 0) - 1;
}

/** Bits of the last 7 days. */
export const WEEK_MASK = 0x7f;
