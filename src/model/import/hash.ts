/**
 * Names are hashed the moment they are read (issue 19: privacy): an import
 * keeps a salted 53-bit hash of each author's id or name, never the name.
 * The salt, unless given, is derived from the inputs' own bytes, so the same
 * files give the same hashes (determinism) while a dictionary of common names
 * cannot be hashed ahead without the export itself.
 */

/** cyrb53 (public domain, bryc): a fast, well-mixed 53-bit string hash. Not cryptographic. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A salted hash of a name or id, as 14 hex digits: what an import keeps instead of the name. */
export class NameHasher {
  private readonly seed: number;
  /** Names repeat on every line: each is hashed once (the map lives only as long as the import). */
  private readonly known = new Map<string, string>();

  constructor(readonly salt: string) {
    this.seed = hash53(salt) % 4294967296;
  }

  hash(name: string): string {
    let hashed = this.known.get(name);
    if (hashed === undefined) {
      hashed = hash53(`${this.salt}\u0000${name.trim()}`, this.seed).toString(16).padStart(14, '0');
      this.known.set(name, hashed);
    }
    return hashed;
  }
}

/** Bytes of each input that feed the default salt: enough to tell exports apart, cheap for large files. */
const SALT_SAMPLE_BYTES = 65_536;

/** The default salt: a hash of each input's size and first bytes (same files → same salt). */
export function saltOf(inputs: readonly { readonly bytes: Uint8Array }[]): string {
  let text = '';
  for (const { bytes } of inputs) {
    text += `${bytes.length}:`;
    const sample = bytes.subarray(0, SALT_SAMPLE_BYTES);
    for (let i = 0; i < sample.length; i += 4096) text += String.fromCharCode(...sample.subarray(i, i + 4096));
  }
  return hash53(text, 19).toString(36);
}
