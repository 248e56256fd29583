/**
 * The chat replay: one simulated run shown as a WeChat group chat — messages
 * in time order with the member's role colour and the kind of message,
 * replies quoting what they answer, system lines (joined, left, warned, muted,
 * removed, do-not-disturb) — with a day / hour scrubber, play / pause and
 * speed, and the membership pyramid of that day beside it. Message texts are
 * templated phrases standing for the kind of message (the model has no content).
 *
 * Properties: `locale`, `positioning`, `log`, `series`, `runIndex`, `runs`,
 * `minute`, `playing`, `speed`, `loading`, `stale`.
 * Events (bubble, cross shadow roots): `replay-load` (detail: run index,
 * 0-based); `replay-seek` (detail: minute); `replay-play`; `replay-pause`;
 * `replay-speed` (detail: ReplaySpeed).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { CHAT_ROLES, SYSTEM_EVENTS, TEAM_POSTS, type ChatLog, type ChatRole, type TeamPost } from '../../model/engine/chat.ts';
import { messageText, SYSTEM_TEXT } from '../../model/chat-text.ts';
import { MEMBERSHIP_STATES, MESSAGE_KINDS, type MessageKind, type Series } from '../../model/metrics.ts';
import type { Positioning } from '../../model/playbook.ts';
import { bilingual as tx, type Bilingual } from '../../model/text.ts';
import { formatNumber, pick, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import { STATE_COLORS, STATE_LABELS } from '../chart-specs.ts';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../controllers/replay-controller.ts';

/** What each kind of message is called on its chip (team posts by what they were). */
const KIND_CHIPS: Record<MessageKind, Bilingual> = {
  chat: tx('chat', '闲聊'), question: tx('question', '提问'), answer: tx('answer', '回答'), reply: tx('reply', '回复'),
  topicReply: tx('topic reply', '话题回复'), share: tx('share (干货)', '干货'), chain: tx('chain entry', '接龙'), filler: tx('filler', '灌水'),
  ad: tx('ad', '广告'), violation: tx('violation', '违规'), team: tx('team post', '运营发布'), promo: tx('promotion', '推广'),
  redPacket: tx('red packet', '红包'), burst: tx('red-packet thanks', '抢红包 / 谢谢'),
};
const TEAM_CHIPS: Record<TeamPost, Bilingual> = {
  news: tx('topic: news', '话题：行业资讯'), tips: tx('topic: tips', '话题：实用技巧'), spotlight: tx('topic: member spotlight', '话题：成员展示'),
  themeDay: tx('theme day', '主题讨论日'), event: tx('online party', '线上活动'), poll: tx('needs poll', '需求投票'),
  announcement: tx('announcement', '群公告'), chain: tx('chain (接龙)', '发起接龙'),
};
type PromoHook = 'none' | 'redPacket' | 'giveaway';
const HOOK_CHIPS: Record<Exclude<PromoHook, 'none'>, Bilingual> = { redPacket: tx('promotion + red packet', '推广 + 红包'), giveaway: tx('promotion + giveaway', '推广 + 抽奖') };
const ROLE_COLORS: Record<ChatRole, string> = { team: '#0f3d2e', core: '#1a7f5a', active: '#4c8bd6', ordinary: '#8e9aa6', marketer: '#d1495b' };
const ROLE_LABELS: Record<ChatRole, Bilingual> = {
  team: tx('team', '运营'), core: tx('core member', '核心成员'), active: tx('active member', '活跃成员'), ordinary: tx('member', '普通成员'), marketer: tx('marketer', '营销号'),
};
/** Kinds whose chip is a warning colour. */
const BAD_KINDS = new Set<MessageKind>(['ad', 'violation', 'promo']);
/** At most this many lines of the day are drawn (the latest). */
const MAX_SHOWN = 150;

interface Line {
  readonly time: number;
  /** A message index, or a system event index (negative: −1 − index). */
  readonly ref: number;
}

/** The first index whose time is > `time` in an ascending list. */
function upperBound(times: readonly number[], time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const clock = (minute: number) => `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(Math.floor(minute % 60)).padStart(2, '0')}`;

export class ReplayView extends LitElement {
  static override properties = {
    locale: { type: String },
    positioning: { type: String },
    hook: { type: String },
    log: { attribute: false },
    series: { attribute: false },
    runIndex: { type: Number },
    runs: { type: Number },
    minute: { type: Number },
    playing: { type: Boolean },
    speed: { type: Number },
    loading: { type: Boolean },
    stale: { type: Boolean },
  };

  declare locale: Locale;
  declare positioning: Positioning;
  /** What the scenario's promotions carry (content.promoHook). */
  declare hook: PromoHook;
  declare log: ChatLog | null;
  declare series: Series | null;
  declare runIndex: number;
  declare runs: number;
  declare minute: number;
  declare playing: boolean;
  declare speed: ReplaySpeed;
  declare loading: boolean;
  declare stale: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this.positioning = 'knowledge_sharing';
    this.hook = 'none';
    this.log = null;
    this.series = null;
    this.runIndex = 0;
    this.runs = 1;
    this.minute = 0;
    this.playing = false;
    this.speed = 180;
    this.loading = false;
    this.stale = false;
  }

  static override styles = css`
    :host { display: block; }
    .panel { background: var(--qc-surface); border: 1px solid var(--qc-border); border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    h2 { font-size: 1rem; margin: 0 0 0.4rem; }
    .hint { font-size: 0.8rem; color: var(--qc-muted); margin: 0.2rem 0; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; font-size: 0.85rem; }
    .controls label { display: inline-flex; gap: 0.35rem; align-items: center; }
    .controls input[type=range] { width: min(16rem, 60vw); }
    .controls input[type=number] { width: 4.5rem; font: inherit; }
    button { font: inherit; font-size: 0.85rem; padding: 0.25rem 0.8rem; border-radius: 4px; cursor: pointer; border: 1px solid var(--qc-accent); background: var(--qc-accent); color: var(--qc-on-dark); }
    button.secondary { background: var(--qc-surface); color: var(--qc-brand); }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 2px; }
    .when { font-weight: 700; font-variant-numeric: tabular-nums; min-width: 9rem; }
    .layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr); gap: 1rem; align-items: start; }
    @media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
    .chat { background: #ededed; border-radius: 8px; padding: 0.6rem; height: 34rem; overflow-y: auto; display: flex; flex-direction: column; gap: 0.45rem; }
    .day { align-self: center; font-size: 0.75rem; color: var(--qc-on-dark); background: #b2b2b2; border-radius: 4px; padding: 0.05rem 0.5rem; }
    .system { align-self: center; font-size: 0.75rem; color: var(--qc-ghost); text-align: center; max-width: 90%; }
    .msg { display: grid; grid-template-columns: 2rem 1fr; gap: 0.4rem; align-items: start; max-width: 92%; }
    .avatar { width: 2rem; height: 2rem; border-radius: 4px; color: var(--qc-on-dark); font-size: 0.72rem; display: grid; place-items: center; font-weight: 700; }
    .who { font-size: 0.72rem; color: var(--qc-ghost); display: flex; gap: 0.35rem; align-items: baseline; flex-wrap: wrap; }
    .bubble { background: var(--qc-surface); border-radius: 6px; padding: 0.35rem 0.55rem; font-size: 0.88rem; line-height: 1.4; word-break: break-word; }
    .msg.team .bubble { background: #95ec69; }
    .quote { font-size: 0.75rem; color: var(--qc-ghost); background: #f5f5f5; border-left: 2px solid #c5ced8; padding: 0.1rem 0.4rem; margin-top: 0.25rem; border-radius: 2px; }
    .chip { font-size: 0.68rem; border-radius: 3px; padding: 0 0.3rem; background: var(--qc-rule); color: var(--qc-text); }
    .chip.bad { background: var(--qc-error-bg); color: var(--qc-danger); }
    .role { font-size: 0.68rem; border-radius: 3px; padding: 0 0.3rem; color: var(--qc-on-dark); }
    .roster ul { list-style: none; padding: 0; margin: 0.3rem 0; }
    .roster li { display: grid; grid-template-columns: 8rem 1fr 2.5rem; gap: 0.4rem; align-items: center; font-size: 0.8rem; margin: 0.2rem 0; }
    .bar { height: 0.7rem; border-radius: 2px; }
    .count { text-align: right; font-variant-numeric: tabular-nums; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.7rem; font-size: 0.75rem; color: var(--qc-text); padding: 0; list-style: none; }
    .legend li { display: flex; gap: 0.3rem; align-items: center; }
    .swatch { width: 0.7rem; height: 0.7rem; border-radius: 2px; display: inline-block; }
    .stale { color: var(--qc-warn-text); background: var(--qc-warn-bg); border-radius: 4px; padding: 0.2rem 0.5rem; font-size: 0.8rem; }
    @media print { .controls button, .controls input, .controls select { display: none; } .chat { height: auto; overflow: visible; } }
  `;

  override render() {
    const locale = this.locale;
    const log = this.log;
    return html`
      <div class="panel">
        <h2>${t(locale, 'replayTitle')}</h2>
        <p class="hint">${t(locale, 'replayHint')}</p>
        <div class="controls">
          <label>${t(locale, 'replayRun')} <input type="number" class="run" min="1" max=${this.runs} step="1" .value=${String(this.runIndex + 1)} @change=${this.onRun} /></label>
          <button class="load secondary" ?disabled=${this.loading} @click=${() => this.load(this.runIndex)}>${t(locale, log ? 'replayReload' : 'replayLoad')}</button>
          ${this.loading ? html`<span role="status" class="hint">${t(locale, 'replayLoading')}</span>` : nothing}
          ${this.stale ? html`<span class="stale" role="status">${t(locale, 'replayStale')}</span>` : nothing}
        </div>
      </div>
      ${log ? this.renderReplay(log) : nothing}
    `;
  }

  private renderReplay(log: ChatLog) {
    const locale = this.locale;
    const day = Math.min(log.horizonDays - 1, Math.floor(this.minute / 1440));
    const hour = Math.floor((this.minute % 1440) / 60);
    return html`
      <div class="panel">
        <div class="controls">
          <button class="play" aria-pressed=${this.playing ? 'true' : 'false'} @click=${() => this.fire(this.playing ? 'replay-pause' : 'replay-play')}>${t(locale, this.playing ? 'replayPause' : 'replayPlay')}</button>
          <span class="when" data-minute=${Math.floor(this.minute)} aria-live="off">${t(locale, 'dayN', { day: day + 1, days: log.horizonDays })} · ${clock(this.minute)}</span>
          <label>${t(locale, 'replayDay')} <input type="range" class="day-scrub" min="1" max=${log.horizonDays} step="1" .value=${String(day + 1)}
            aria-valuetext=${t(locale, 'dayN', { day: day + 1, days: log.horizonDays })}
            @input=${(e: Event) => this.fire('replay-seek', (Number((e.target as HTMLInputElement).value) - 1) * 1440 + (this.minute % 1440))} /></label>
          <label>${t(locale, 'replayHour')} <input type="range" class="hour-scrub" min="0" max="23" step="1" .value=${String(hour)}
            aria-valuetext=${clock(this.minute)}
            @input=${(e: Event) => this.fire('replay-seek', day * 1440 + Number((e.target as HTMLInputElement).value) * 60 + 59)} /></label>
          <label>${t(locale, 'replaySpeed')} <select class="speed" @change=${(e: Event) => this.fire('replay-speed', Number((e.target as HTMLSelectElement).value))}>
            ${REPLAY_SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${t(locale, 'replaySpeedValue', { hours: formatNumber(locale, s / 60, 0) })}</option>`)}
          </select></label>
        </div>
      </div>
      <div class="layout">
        <div class="chat" role="log" aria-label=${t(locale, 'replayChat')}>${this.renderLines(log, day)}</div>
        ${this.renderRoster(day)}
      </div>`;
  }

  private renderLines(log: ChatLog, day: number) {
    const locale = this.locale;
    const start = day * 1440;
    const { messages, events } = log;
    const lines: Line[] = [];
    for (let k = upperBound(messages.time, start - 1e-9), end = upperBound(messages.time, this.minute); k < end; k++) lines.push({ time: messages.time[k], ref: k });
    for (let k = 0; k < events.time.length; k++) if (events.time[k] >= start && events.time[k] <= this.minute) lines.push({ time: events.time[k], ref: -1 - k });
    // in time order; at the same minute a message comes before what it caused (a warning, a mute), and system lines keep their order
    const rank = (line: Line) => (line.ref >= 0 ? line.ref : 1e9 - 1 - line.ref);
    lines.sort((a, b) => a.time - b.time || rank(a) - rank(b));
    const hidden = Math.max(0, lines.length - MAX_SHOWN);
    return html`
      <span class="day">${t(locale, 'dayN', { day: day + 1, days: log.horizonDays })}</span>
      ${hidden ? html`<span class="system">${t(locale, 'replayEarlier', { count: hidden })}</span>` : nothing}
      ${lines.slice(hidden).map((line) => (line.ref >= 0 ? this.renderMessage(log, line.ref) : this.renderSystem(log, -1 - line.ref)))}
      ${lines.length ? nothing : html`<span class="system">${t(locale, 'replayQuiet')}</span>`}`;
  }

  private renderMessage(log: ChatLog, k: number) {
    const locale = this.locale;
    const { messages } = log;
    const author = messages.author[k];
    const role = log.roles[author] ?? 'ordinary';
    const kind = MESSAGE_KINDS[messages.kind[k]];
    const teamPost = messages.teamPost[k] >= 0 ? TEAM_POSTS[messages.teamPost[k]] : null;
    const target = messages.replyTo[k];
    // a promotion that carries a red packet or a giveaway says so (the burst of thanks follows it)
    const hook = kind === 'promo' && this.hook !== 'none' ? HOOK_CHIPS[this.hook] : null;
    const chip = teamPost ? TEAM_CHIPS[teamPost] : hook ?? KIND_CHIPS[kind];
    return html`<div class="msg ${role}" data-kind=${kind} data-role=${role}>
      <span class="avatar" style="background:${ROLE_COLORS[role]}" title=${pick(locale, ROLE_LABELS[role])}>${this.initials(log, author)}</span>
      <div>
        <div class="who">${this.name(log, author)}${role === 'team' || role === 'marketer' ? html`<span class="role" style="background:${ROLE_COLORS[role]}">${pick(locale, ROLE_LABELS[role])}</span>` : nothing}
          <span class="chip ${BAD_KINDS.has(kind) ? 'bad' : ''}">${pick(locale, chip)}</span> <span>${clock(messages.time[k])}</span></div>
        <div class="bubble">${hook ? `${pick(locale, hook)}${locale === 'zh-CN' ? '：' : ': '}` : ''}${this.text(log, k)}
          ${target >= 0 ? html`<div class="quote">${this.name(log, messages.author[target])}${locale === 'zh-CN' ? '：' : ': '}${this.text(log, target)}</div>` : nothing}</div>
      </div>
    </div>`;
  }

  private renderSystem(log: ChatLog, k: number) {
    const kind = SYSTEM_EVENTS[log.events.kind[k]];
    return html`<span class="system" data-event=${kind}>${clock(log.events.time[k])} · ${pick(this.locale, SYSTEM_TEXT[kind]).replace('{name}', this.name(log, log.events.member[k]))}</span>`;
  }

  private renderRoster(day: number) {
    const locale = this.locale;
    const series = this.series;
    if (!series) return nothing;
    const counts = MEMBERSHIP_STATES.map((state) => series[`state_${state}`][day] ?? 0);
    const most = Math.max(1, ...counts);
    return html`<aside class="panel roster" aria-label=${t(locale, 'replayRoster')}>
      <h2>${t(locale, 'replayRoster')}</h2>
      <p class="hint">${t(locale, 'dayN', { day: day + 1, days: this.log?.horizonDays ?? 0 })}</p>
      <ul>${MEMBERSHIP_STATES.map((state, k) => html`<li data-state=${state}><span>${pick(locale, STATE_LABELS[state])}</span>
        <span class="bar" style="width:${(counts[k] / most) * 100}%;background:${STATE_COLORS[state]}"></span><span class="count">${counts[k]}</span></li>`)}</ul>
      <p class="hint">${t(locale, 'replayRosterNote')}</p>
      <h2>${t(locale, 'replayRoles')}</h2>
      <ul class="legend">${CHAT_ROLES.map((role) => html`<li><span class="swatch" style="background:${ROLE_COLORS[role]}"></span>${pick(locale, ROLE_LABELS[role])}</li>`)}</ul>
    </aside>`;
  }

  /** "Owner", "Admin 2", "Member 17" (members numbered in the order they first joined). */
  private name(log: ChatLog, member: number): string {
    const team = this.teamSize(log);
    if (member === 0) return t(this.locale, 'replayOwner');
    if (member < team) return t(this.locale, 'replayAdmin', { n: member });
    return t(this.locale, 'replayMember', { n: member - team + 1 });
  }

  private initials(log: ChatLog, member: number): string {
    const team = this.teamSize(log);
    return member === 0 ? t(this.locale, 'replayOwnerShort') : member < team ? `A${member}` : String(member - team + 1);
  }

  private teamSize(log: ChatLog): number {
    const first = log.roles.findIndex((r) => r !== 'team');
    return first < 0 ? log.roles.length : first;
  }

  private text(log: ChatLog, k: number): string {
    const post = log.messages.teamPost[k];
    return pick(this.locale, messageText(MESSAGE_KINDS[log.messages.kind[k]], this.positioning, k, post >= 0 ? TEAM_POSTS[post] : null));
  }

  /** The newest line stays in view as the replay moves on. */
  protected override updated(changed: PropertyValues): void {
    if (changed.has('minute') || changed.has('log')) {
      const chat = this.renderRoot.querySelector('.chat');
      if (chat) chat.scrollTop = chat.scrollHeight;
    }
  }

  private onRun = (event: Event) => {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isInteger(value) && value >= 1 && value <= this.runs) this.load(value - 1);
  };

  private load(runIndex: number): void {
    this.fire('replay-load', runIndex);
  }

  private fire(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

customElements.define('qc-replay-view', ReplayView);

declare global {
  interface HTMLElementTagNameMap {
    'qc-replay-view': ReplayView;
  }
}
