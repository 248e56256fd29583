/**
 * The Import view's worker (issue 19): reads, measures and calibrates a chat
 * export off the main thread, so a million-line export never freezes the
 * page. The files' bytes arrive transferred; only the report goes back (no
 * names: they are hashed as they are read). The imported table stays here for
 * the calibration, which runs a slice (about 50 ms) at a time so that a
 * cancel is heard between two simulated runs and really stops the work.
 */
import * as Comlink from 'comlink';
import { importChat } from '../model/import/import-chat.ts';
import { measureChat, type ChatMeasures } from '../model/import/measure.ts';
import { calibration, type FitResult } from '../model/import/fit.ts';
import type { ImportedChat } from '../model/import/chat-import.ts';
import type { FileReport, SkippedRow, SkipCounts } from '../model/import/chat-import.ts';
import type { Positioning } from '../model/playbook.ts';
import type { Bilingual } from '../model/text.ts';

export interface ImportFileBytes { readonly name: string; readonly bytes: Uint8Array }

export type ImportReport =
  | {
    ok: true; files: readonly FileReport[]; skipped: readonly SkippedRow[]; skippedTotal: number; unreadLines: number; ignored: SkipCounts; notices: Bilingual[];
    roster: number | null; silent: number; measures: ChatMeasures;
    /** Every Slack channel in the export, and those read (all of them when none was chosen). */
    slackChannels: string[]; channelsRead: string[];
  }
  | { ok: false; problems: Bilingual[] };

export interface ImportApi {
  /** `channels`: the Slack channels to read (empty: every channel). */
  read(files: ImportFileBytes[], roster: ImportFileBytes[], tz: number | null, positioning: Positioning, onProgress: (fraction: number) => void, channels?: readonly string[]): Promise<ImportReport>;
  /** The fit, or null when cancelled (the imported table is kept: calibrate again at will). */
  calibrate(positioning: Positioning, onProgress: (fraction: number) => void): Promise<FitResult | null>;
  /** Stops a running calibration before its next simulated run. */
  cancelCalibration(): void;
}

/** Give the event loop a turn this often, so a cancel arrives between simulated runs. */
const SLICE_MS = 50;

let last: ImportedChat | null = null;
/** Calibrations are numbered; a cancel stops every one started up to then, never a later one. */
let calibrations = 0;
let cancelledUpTo = 0;

const api: ImportApi = {
  async read(files, roster, tz, positioning, onProgress, channels = []) {
    let lastReported = -1;
    const outcome = importChat(files, {
      tz, roster: roster.length ? roster : undefined, channels,
      onProgress: (f) => {
        if (f - lastReported >= 0.01) { lastReported = f; onProgress(f); }
      },
    });
    if (!outcome.ok) return { ok: false, problems: outcome.problems };
    const { chat } = outcome;
    const measures = measureChat(chat, positioning);
    last = chat;
    return {
      ok: true, files: chat.files, skipped: chat.skipped, skippedTotal: chat.skippedTotal, unreadLines: chat.unreadLines, ignored: chat.ignored, notices: outcome.notices,
      roster: chat.roster ? chat.roster.length : null, silent: chat.rosterAuthor ? Array.from(chat.rosterAuthor).filter((a) => a < 0).length : 0, measures,
      slackChannels: outcome.slackChannels, channelsRead: channels.length ? [...channels] : outcome.slackChannels,
    };
  },
  async calibrate(positioning, onProgress) {
    if (!last) throw new Error('nothing imported yet');
    const id = ++calibrations;
    const steps = calibration(last, { positioning });
    let sliceStart = Date.now();
    for (;;) {
      if (id <= cancelledUpTo) return null;
      const next = steps.next();
      if (next.done) return next.value;
      if (Date.now() - sliceStart >= SLICE_MS) {
        onProgress(next.value);
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = Date.now();
      }
    }
  },
  cancelCalibration() {
    cancelledUpTo = calibrations;
  },
};

Comlink.expose(api);
