/**
 * The Import view's worker (issue 19): reads, measures and calibrates a chat
 * export off the main thread, so a million-line export never freezes the
 * page. The files' bytes arrive transferred; only the report goes back (no
 * names: they are hashed as they are read). The imported table stays here for
 * the calibration.
 */
import * as Comlink from 'comlink';
import { importChat } from '../model/import/import-chat.ts';
import { measureChat, type ChatMeasures } from '../model/import/measure.ts';
import { fitToChat, type FitResult } from '../model/import/fit.ts';
import type { FileReport, SkippedRow, SkipCounts } from '../model/import/chat-import.ts';
import type { Positioning } from '../model/playbook.ts';
import type { Bilingual } from '../model/text.ts';

export interface ImportFileBytes { readonly name: string; readonly bytes: Uint8Array }

export type ImportReport =
  | { ok: true; files: readonly FileReport[]; skipped: readonly SkippedRow[]; skippedTotal: number; ignored: SkipCounts; notices: Bilingual[]; roster: number | null; silent: number; measures: ChatMeasures }
  | { ok: false; problems: Bilingual[] };

export interface ImportApi {
  read(files: ImportFileBytes[], roster: ImportFileBytes[], tz: number | null, positioning: Positioning, onProgress: (fraction: number) => void): Promise<ImportReport>;
  calibrate(positioning: Positioning, onProgress: (fraction: number) => void): Promise<FitResult>;
}

let last: { measures: ChatMeasures; hasReplyLinks: boolean } | null = null;

const api: ImportApi = {
  async read(files, roster, tz, positioning, onProgress) {
    let lastReported = -1;
    const outcome = importChat(files, {
      tz, roster: roster.length ? roster : undefined,
      onProgress: (f) => {
        if (f - lastReported >= 0.01) { lastReported = f; onProgress(f); }
      },
    });
    if (!outcome.ok) return { ok: false, problems: outcome.problems };
    const { chat } = outcome;
    const measures = measureChat(chat, positioning);
    last = { measures, hasReplyLinks: chat.hasReplyLinks };
    return {
      ok: true, files: chat.files, skipped: chat.skipped, skippedTotal: chat.skippedTotal, ignored: chat.ignored, notices: outcome.notices,
      roster: chat.roster ? chat.roster.length : null, silent: chat.rosterAuthor ? Array.from(chat.rosterAuthor).filter((a) => a < 0).length : 0, measures,
    };
  },
  async calibrate(positioning, onProgress) {
    if (!last) throw new Error('nothing imported yet');
    return fitToChat(last.measures, last.hasReplyLinks, { positioning, onProgress });
  },
};

Comlink.expose(api);
