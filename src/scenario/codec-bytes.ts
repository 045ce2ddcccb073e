/**
 * Byte helpers of the share-link codec: base64url without padding, CRC-32 (IEEE, as zlib's), and
 * the reversible "squeeze" that turns each run of 2+ spaces into two bytes (0xF8, the column
 * where the run ends) so that aligned columns compress to almost nothing. Valid UTF-8 never holds
 * a byte 0xF8…0xFF; a stray 0xF8 is still kept exact, as 0xF8 0x00. Part of link format v1:
 * never change what these functions produce.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k += 1) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes, or null when `text` holds a character outside the alphabet or has a bad length. */
export function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    const v = B64_INDEX.get(c);
    if (v === undefined) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

// typed table and indexed loop: the page checks a mebibyte in milliseconds (an iterator over an
// Array took 70–170 ms)
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function crcText(bytes: Uint8Array): string {
  const c = crc32(bytes);
  return toBase64url(Uint8Array.of(c >>> 24, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff));
}

const MARK = 0xf8;
const SPACE = 0x20;
const NEWLINE = 0x0a;

export function squeeze(b: Uint8Array): Uint8Array {
  // at most two bytes out for one in (a stray 0xF8)
  const out = new Uint8Array(b.length * 2);
  let o = 0;
  let col = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    let j = i;
    while (c === SPACE && b[j] === SPACE) j += 1;
    if (j - i >= 2 && col + (j - i) <= 255) {
      col += j - i;
      out[o++] = MARK;
      out[o++] = col;
      i = j;
      continue;
    }
    out[o++] = c;
    if (c === MARK) out[o++] = 0;
    col = c === NEWLINE ? 0 : col + 1;
    i += 1;
  }
  return out.slice(0, o);
}

/**
 * Inverse of `squeeze`; null when the bytes could not have come from it. It stops as soon as the
 * output passes `max` bytes (a run mark expands to up to 253 spaces: a small input can ask for a
 * huge output), so what it returns is never longer than `max + 1`: the caller sees it is too large.
 */
export function unsqueeze(b: Uint8Array, max = Infinity): Uint8Array | null {
  const out = new Uint8Array(Math.min(max + 1, b.length * 127));
  let o = 0;
  let col = 0;
  const put = (c: number): boolean => {
    if (o >= out.length) return false;
    out[o++] = c;
    return true;
  };
  for (let i = 0; i < b.length; i += 1) {
    const c = b[i] as number;
    if (c !== MARK) {
      if (!put(c)) break;
      col = c === NEWLINE ? 0 : col + 1;
      continue;
    }
    const target = b[++i];
    if (target === undefined) return null;
    if (target === 0) {
      if (!put(MARK)) break;
      col += 1;
      continue;
    }
    if (target < col + 2) return null;
    for (; col < target; col += 1) if (!put(SPACE)) break;
  }
  return out.subarray(0, o);
}
