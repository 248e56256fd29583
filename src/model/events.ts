/**
 * The within-day event queue: a binary min-heap of events keyed by absolute
 * minute, ties broken by insertion order so processing is deterministic.
 * Storage is typed arrays that grow by doubling.
 */

export const EventType = {
  Organic: 0, // a member's own message; its kind is decided when it happens
  MarketerAd: 1,
  Topic: 2, // operator topic (content post, theme day, event, poll)
  Promo: 3, // operator ad
  TopicReply: 4,
  Reply: 5, // cascade reply to a message
  MemberAnswer: 6,
  TeamAnswer: 7,
  AutoAnswer: 8,
  ChainStart: 9,
  ChainEntry: 10,
  TeamNotice: 11, // announcement, rule-change notice
  RedPacket: 12, // a plain red packet from the team
  Burst: 13, // a member's "1", thanks or grab notice after a red packet or giveaway
  Violation: 14, // a violator breaking the covenant (MODEL v3 §3.7)
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** The queue's arrays start this large and double when a day holds more events (a size, not a number of the model). */
const INITIAL_EVENT_SLOTS = 1024;

export class EventQueue {
  private time: Float64Array;
  private type: Uint8Array;
  private author: Int32Array;
  private ref: Int32Array;
  private heap: Int32Array;
  private size = 0;
  private next = 0;

  constructor(capacity = INITIAL_EVENT_SLOTS) {
    this.time = new Float64Array(capacity);
    this.type = new Uint8Array(capacity);
    this.author = new Int32Array(capacity);
    this.ref = new Int32Array(capacity);
    this.heap = new Int32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(time: number, type: EventType, author: number, ref: number): void {
    if (this.next === this.time.length) this.grow();
    const id = this.next++;
    this.time[id] = time;
    this.type[id] = type;
    this.author[id] = author;
    this.ref[id] = ref;
    let i = this.size++;
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(id, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = id;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.size ? this.time[this.heap[0]] : Infinity;
  }

  /** Remove the earliest event; read it with the accessors below. */
  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    const last = heap[--this.size];
    let i = 0;
    const n = this.size;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(heap[right], heap[left]) ? right : left;
      if (!this.before(heap[child], last)) break;
      heap[i] = heap[child];
      i = child;
    }
    if (n > 0) heap[i] = last;
    return top;
  }

  timeOf(id: number): number { return this.time[id]; }
  typeOf(id: number): EventType { return this.type[id] as EventType; }
  authorOf(id: number): number { return this.author[id]; }
  refOf(id: number): number { return this.ref[id]; }

  private before(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && a < b);
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.time = grow(this.time, new Float64Array(n));
    this.type = grow(this.type, new Uint8Array(n));
    this.author = grow(this.author, new Int32Array(n));
    this.ref = grow(this.ref, new Int32Array(n));
    this.heap = grow(this.heap, new Int32Array(n));
  }
}
