/**
 * What the app tells the user, kept as message keys (not text) so a notice
 * already on screen follows a switch of language: one notice at a time, the
 * problems of a refused file or link (shown until dismissed; nothing on screen
 * changes), and the share link just made.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Bilingual } from '../../model/text.ts';
import type { Problem } from '../../model/scenario.ts';
import type { MessageKey, MessageParams } from '../../i18n/messages.ts';

export interface Notice {
  readonly key: MessageKey;
  readonly params?: MessageParams;
  /** Further sentences, e.g. a file's migration notice. */
  readonly extra?: readonly Bilingual[];
}

export interface Refusal {
  readonly title: Notice;
  readonly problems: readonly Problem[];
  /** Problems found but not in `problems` (a worker sends the first 20). */
  readonly more: number;
}

export class NoticesController implements ReactiveController {
  notice: Notice | null = null;
  refusal: Refusal | null = null;
  shareUrl = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  notify(notice: Notice | null): void {
    this.notice = notice;
    this.host.requestUpdate();
  }

  refuse(title: Notice, problems: readonly Problem[], more = 0): void {
    this.refusal = { title, problems, more };
    this.host.requestUpdate();
  }

  clearRefusal(): void {
    this.refusal = null;
    this.host.requestUpdate();
  }

  showShareUrl(url: string): void {
    this.shareUrl = url;
    this.host.requestUpdate();
  }

  /** Storage refused (full, private mode, blocked): say so; the work stays on screen. */
  storageFailed(error: unknown): void {
    this.notify({ key: 'storageError', params: { message: messageOf(error) } });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
