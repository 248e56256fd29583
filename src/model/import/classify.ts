/**
 * What kind of message a line is, from its text and the format's own type
 * field, as the model's docs define low-value messages (docs/model.md §3.5,
 * §3.8): stickers, red packets, "1", "+1", thanks, laughter and emoji-only
 * lines (and ASCII smileys) are *low value* — they count as messages but are never effective and
 * are not speaking. A question is a message ending in ? or ？. System lines
 * (joins, recalls, "pat") are not messages at all. Everything else is
 * effective: text, and media (pictures, files, links, voice) treated as
 * content. The effective ratio from a log is therefore an estimate — it cannot
 * read value — and docs/import.md says so.
 */

export const MESSAGE_CLASSES = ['text', 'question', 'media', 'lowValue'] as const;
export type MessageClass = (typeof MESSAGE_CLASSES)[number];

/** Kinds a format's type field can name, before the text is read. */
export type TypeHint = 'text' | 'sticker' | 'redPacket' | 'media' | 'system';

/** Whole-message fillers: "1", "111", "+1", thanks, laughter, ok (zh and en). */
const FILLER = /^(?:[+＋]?1+|[+＋]1|6+|谢谢(?:老板|大佬|红包|群主|分享)?[!！~～。.]*|感谢(?:老板|大佬|群主|分享)?[!！~～。.]*|多谢[!！~～。.]*|thanks?(?: ?you)?(?: boss)?[!.]*|thx[!.]*|ty[!.]*|哈+|呵+|嘿+|h(?:a|e)+h?|lol+|嗯+|哦+|好的?[!！~～。.]*|ok(?:ay)?[!.]*|收到[!！~～。.]*|👍+|[:;=]-?[()DPpO3]+|x+D+|\^_*\^|抢到了.*|手慢了.*|\[(?:捂脸|强|微笑|呲牙|偷笑|OK|抱拳|玫瑰|爱心|666|红包|Emoji|表情|动画表情|Sticker|sticker)\])$/i;
/** A line made only of emoji, symbols and spaces. */
const EMOJI_ONLY = /^[\p{Extended_Pictographic}\p{Emoji_Component}\uFE0F\u200D\s]+$/u;
const RED_PACKET = /^(?:\[(?:红包|微信红包|Red packet|Red Packet|领取红包)\]|\[?红包\]?.*(?:恭喜发财|大吉大利)|🧧.*)/;
const QUESTION = /[?？]\s*$/;

export function classify(text: string, hint: TypeHint = 'text'): MessageClass | 'system' {
  if (hint === 'system') return 'system';
  if (hint === 'sticker' || hint === 'redPacket') return 'lowValue';
  const t = text.trim();
  if (hint === 'media') return 'media';
  if (t === '') return 'lowValue';
  if (RED_PACKET.test(t) || FILLER.test(t) || (t.length <= 12 && EMOJI_ONLY.test(t))) return 'lowValue';
  return QUESTION.test(t) ? 'question' : 'text';
}

/** Effective (docs/model.md §3.5): everything but low-value messages. */
export const isEffective = (c: MessageClass) => c !== 'lowValue';
/** Speaking (docs/model.md §3.5, v3): low-value bursts are not speaking. */
export const isSpeaking = (c: MessageClass) => c !== 'lowValue';
