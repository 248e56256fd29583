/**
 * A zipped export (a Slack export as downloaded, or any export zipped) is
 * read as the files inside it (fflate). Only what is read is inflated: for a
 * Slack export, channels.json and users.json (the roster and the bots) and the
 * day files of the chosen channels, each named by its path inside the zip so
 * that its folder still names its channel.
 */
import { unzipSync } from 'fflate';

/** Entries read from a zip: chat exports and Slack's roster files; the rest (images, folders) are left. */
const READABLE = /\.(csv|txt|json|log|html?)$/i;
/** Slack's roster files: the members of each channel, and which users are bots. */
const SLACK_ROSTER = /(?:^|\/)(?:channels|users)\.json$/i;
/** A Slack day file inside a zip: CHANNEL/YYYY-MM-DD.json. */
const SLACK_DAY = /(?:^|\/)([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/i;

/** Whether bytes are a zip archive (a local file header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export type Unzipped =
  | { ok: true; files: { name: string; bytes: Uint8Array }[]; slackChannels: string[] }
  | { ok: false; en: string; zh: string };

/**
 * The readable files of a zip, named "ZIP/PATH"; a Slack day file only if
 * its channel is among `channels` (null: every channel). Also the Slack
 * channels the zip holds, to name them when none was chosen or a choice is wrong.
 */
export function unzipExport(zipName: string, bytes: Uint8Array, channels: ReadonlySet<string> | null): Unzipped {
  try {
    // first the names (the central directory only), then only the wanted files are inflated
    const names: string[] = [];
    unzipSync(bytes, { filter: (file) => { names.push(file.name); return false; } });
    const readable = names.filter((name) => READABLE.test(name) && !/(^|\/)__MACOSX\//.test(name));
    const slackChannels = [...new Set(readable.map((name) => SLACK_DAY.exec(name)?.[1]).filter((c): c is string => c !== undefined))].sort();
    // a Slack export: its day files and the roster files, not the rest (canvases, integration logs…)
    const wanted = new Set(readable.filter((name) => {
      if (!slackChannels.length) return true;
      const day = SLACK_DAY.exec(name);
      return day ? channels === null || channels.has(day[1]) : SLACK_ROSTER.test(name);
    }));
    const entries = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
    const files = Object.keys(entries).sort().map((path) => ({ name: `${zipName}/${path}`, bytes: entries[path] }));
    return { ok: true, files, slackChannels };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, en: `not a readable zip archive (${reason})`, zh: '不是可读取的 zip 压缩包：数据已损坏或不完整（可能在下载或复制时被截断）' };
  }
}
