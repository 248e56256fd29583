/**
 * The chat log of one run, recorded only when asked (a replay): every message
 * with its time, author, kind and the message it answers, and the system
 * lines of the group — joined, left, removed, warned, muted, went
 * do-not-disturb. Ensembles never make one: the engine's hooks are a null
 * check (`g.chat?.…`), so the numbers and the speed of ordinary runs are
 * untouched.
 */
import { MESSAGE_KINDS, type MessageKind } from '../metrics.ts';

export const SYSTEM_EVENTS = ['joined', 'rejoined', 'left', 'removed', 'warned', 'muted', 'dnd'] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

/** Who a member is, for the replay's colours and names. */
export const CHAT_ROLES = ['team', 'core', 'active', 'ordinary', 'marketer'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** What a team post was (a topic's kind, or one of the team's notices); -1 for other messages. */
export const TEAM_POSTS = ['news', 'tips', 'spotlight', 'themeDay', 'event', 'poll', 'announcement', 'chain'] as const;
export type TeamPost = (typeof TEAM_POSTS)[number];

/** A finished chat log: plain arrays, ready to cross to the page. */
export interface ChatLog {
  readonly horizonDays: number;
  /** Each member slot's role (index = member). */
  readonly roles: readonly ChatRole[];
  readonly messages: {
    /** Absolute minute since the group was created. */
    readonly time: readonly number[];
    readonly author: readonly number[];
    /** Index into MESSAGE_KINDS. */
    readonly kind: readonly number[];
    /** The message it replies to (index in this list), or -1. */
    readonly replyTo: readonly number[];
    /** Index into TEAM_POSTS for a team post, else -1. */
    readonly teamPost: readonly number[];
  };
  readonly events: {
    readonly time: readonly number[];
    readonly member: readonly number[];
    /** Index into SYSTEM_EVENTS. */
    readonly kind: readonly number[];
  };
}

const KIND_INDEX = new Map<MessageKind, number>(MESSAGE_KINDS.map((k, i) => [k, i]));

export class ChatRecorder {
  /** The time of what the engine is doing now, for changes made without one (joins in the morning, leaving at night). */
  now = 0;
  private readonly messages = { time: [] as number[], author: [] as number[], kind: [] as number[], replyTo: [] as number[], teamPost: [] as number[] };
  private readonly events = { time: [] as number[], member: [] as number[], kind: [] as number[] };
  /** The message each topic went out as (topic index → message index). */
  private readonly topicMessage: number[] = [];

  /** A message posted; `index` is its index in the engine's message log (the same order). */
  message(index: number, time: number, author: number, kind: MessageKind): void {
    if (index !== this.messages.time.length) throw new Error('chat log out of step with the message log');
    this.messages.time.push(time);
    this.messages.author.push(author);
    this.messages.kind.push(KIND_INDEX.get(kind)!);
    this.messages.replyTo.push(-1);
    this.messages.teamPost.push(-1);
  }

  /** The last message posted replies to message `target`. */
  replyTo(target: number): void {
    const last = this.messages.replyTo.length - 1;
    if (last >= 0) this.messages.replyTo[last] = target;
  }

  /** The last message posted is a team post of this kind (a topic records which message it went out as). */
  teamPost(post: TeamPost, topic = -1): void {
    const last = this.messages.teamPost.length - 1;
    if (last < 0) return;
    this.messages.teamPost[last] = TEAM_POSTS.indexOf(post);
    if (topic >= 0) this.topicMessage[topic] = last;
  }

  /** The last message posted replies to a topic. */
  replyToTopic(topic: number): void {
    const message = this.topicMessage[topic];
    if (message !== undefined) this.replyTo(message);
  }

  system(member: number, kind: SystemEvent, time = this.now): void {
    this.events.time.push(time);
    this.events.member.push(member);
    this.events.kind.push(SYSTEM_EVENTS.indexOf(kind));
  }

  finish(horizonDays: number, roles: readonly ChatRole[]): ChatLog {
    return { horizonDays, roles, messages: this.messages, events: this.events };
  }
}
