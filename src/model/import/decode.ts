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

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const utf16 = utf16Without(bytes);
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not UTF-8: try GB18030 (GBK) on a sample, then on the whole
  }
  const gb = decoderFor('gb18030', true);
  if (!gb) {
    return {
      ok: false,
      en: 'the file is not UTF-8 or UTF-16 (probably GBK/GB18030) and this runtime cannot decode GBK; save it as UTF-8 and import again',
      zh: '文件不是 UTF-8 或 UTF-16 编码 (可能是 GBK/GB18030)，当前环境无法解码 GBK；请另存为 UTF-8 后重新导入',
    };
  }
  try {
    gb.decode(bytes.subarray(0, SNIFF_BYTES));
    return { ok: true, text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  } catch {
    return {
      ok: false,
      en: 'the file is neither UTF-8, UTF-16 nor GBK/GB18030 text; save it as UTF-8 and import again',
      zh: '文件既不是 UTF-8、UTF-16，也不是 GBK/GB18030 文本；请另存为 UTF-8 后重新导入',
    };
  }
}
