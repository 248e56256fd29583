/**
 * Bytes to text, saying which encoding was used: a byte-order mark decides
 * (UTF-8, UTF-16 LE/BE); without one the bytes must be valid UTF-8, or else
 * they are read as GB18030 (a superset of GBK, what Chinese Windows tools
 * write) when the runtime can, and the import says so. Anything that is
 * neither is refused with a clear message rather than read as garbage.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; en: string; zh: string };

function decoderFor(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return null; // a runtime without that encoding (small-ICU Node)
  }
}

/** How many bytes of a file are sniffed for the encoding before the whole is decoded. */
const SNIFF_BYTES = 1 << 20;

/** Whether the bytes look like UTF-16 without a BOM: many zero bytes at odd (LE) or even (BE) positions. */
function utf16Without(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 2 * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > n / 2 * 0.3 && oddZeros === 0) return 'utf-16be';
  return null;
}

const NOT_TEXT = {
  noGbk: {
    en: 'the file is not UTF-8 or UTF-16 (probably GBK/GB18030) and this runtime cannot decode GBK; save it as UTF-8 and import again',
    zh: '文件不是 UTF-8 或 UTF-16 编码（可能是 GBK/GB18030），当前环境无法解码 GBK；请另存为 UTF-8 后重新导入',
  },
  neither: {
    en: 'the file is neither UTF-8, UTF-16 nor GBK/GB18030 text; save it as UTF-8 and import again',
    zh: '文件既不是 UTF-8、UTF-16，也不是 GBK/GB18030 文本；请另存为 UTF-8 后重新导入',
  },
};

/**
 * The encoding of some bytes: a BOM, UTF-16's zero bytes, else the first
 * megabyte must be UTF-8, or else GB18030 (a character cut at the sample's
 * end is not held against it: the sample is decoded in streaming mode).
 */
function chooseEncoding(bytes: Uint8Array): { ok: true; encoding: Encoding; start: number; bom: boolean } | { ok: false; en: string; zh: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ok: true, encoding: 'utf-8', start: 3, bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: 'utf-16le', start: 2, bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: 'utf-16be', start: 2, bom: true };
  const utf16 = utf16Without(bytes);
  if (utf16) return { ok: true, encoding: utf16, start: 0, bom: false };
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const stream = bytes.length > SNIFF_BYTES;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream });
    return { ok: true, encoding: 'utf-8', start: 0, bom: false };
  } catch {
    // not UTF-8: try GB18030 (GBK)
  }
  const gb = decoderFor('gb18030', true);
  if (!gb) return { ok: false, ...NOT_TEXT.noGbk };
  try {
    gb.decode(sample, { stream });
    return { ok: true, encoding: 'gb18030', start: 0, bom: false };
  } catch {
    return { ok: false, ...NOT_TEXT.neither };
  }
}

/** The whole text at once (rosters; small files). Bytes past the first megabyte that break the encoding are refused too. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const chosen = chooseEncoding(bytes);
  if (!chosen.ok) return chosen;
  try {
    const text = new TextDecoder(chosen.encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(chosen.start));
    return { ok: true, text, encoding: chosen.encoding, bom: chosen.bom };
  } catch {
    return { ok: false, ...NOT_TEXT.neither };
  }
}

/** A file's text, read in pieces: the head for detection, the pieces for the readers, or the whole (JSON). */
export interface TextSource {
  /** The first characters, for detection. */
  readonly head: string;
  /** The text in pieces of about CHUNK_BYTES bytes, each with the share of the file read once it is used. */
  chunks(): Iterable<{ readonly text: string; readonly done: number }>;
  /** The whole text at once (small files: Slack's users.json and channels.json). */
  whole(): string;
}

export type Opened = { ok: true; source: TextSource; encoding: Encoding; bom: boolean } | { ok: false; en: string; zh: string };

/** Bytes decoded at a time: the whole text never needs to exist as one string for CSV and text exports. */
export const CHUNK_BYTES = 4 << 20;
const HEAD_BYTES = 64 << 10;

/** A file too broken for its encoding part-way through (found while reading). */
export class EncodingError extends Error {
  constructor(readonly encoding: Encoding, readonly atByte: number) {
    super(`bytes after about ${Math.max(1, Math.round(atByte / 1e6))} MB are not valid ${encoding.toUpperCase()}`);
  }
}

/**
 * Open bytes as text in pieces: the encoding is chosen as decodeBytes does,
 * from a BOM, UTF-16's zero bytes, or the first megabyte (UTF-8, else GBK);
 * bytes further on that break the encoding stop the reading with an
 * EncodingError naming where.
 */
export function openText(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): Opened {
  const chosen = chooseEncoding(bytes);
  if (!chosen.ok) return chosen;
  const { encoding, start, bom } = chosen;
  const body = bytes.subarray(start);
  const decoderOf = () => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  function* chunks(): Generator<{ text: string; done: number }> {
    const decoder = decoderOf();
    for (let at = 0; at < body.length; at += chunkBytes) {
      const end = Math.min(body.length, at + chunkBytes);
      let text: string;
      try {
        text = decoder.decode(body.subarray(at, end), { stream: end < body.length });
      } catch {
        throw new EncodingError(encoding, start + at);
      }
      yield { text, done: body.length ? end / body.length : 1 };
    }
  }
  let head: string;
  try {
    head = decoderOf().decode(body.subarray(0, HEAD_BYTES), { stream: true });
  } catch {
    head = '';
  }
  return {
    ok: true, encoding, bom,
    source: {
      head,
      chunks,
      whole: () => {
        try {
          return decoderOf().decode(body);
        } catch {
          throw new EncodingError(encoding, start);
        }
      },
    },
  };
}
