import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, fromBase64url, squeeze, toBase64url, unsqueeze } from './codec-bytes.ts';
import { DICTIONARY_V1 } from './codec-dictionary.ts';
import { decodeFragment, encodeFragment, type LinkView } from './codec.ts';

const NO_VIEW: LinkView = { task: null, viewAs: null, ns: null };
const label = fc.option(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/), { nil: null });

describe('bytes', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('round-trips base64url and squeeze for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(fromBase64url(toBase64url(b))).toEqual(b);
      expect(unsqueeze(squeeze(b))).toEqual(b);
    }), { numRuns: 500 });
  });
  it('round-trips squeeze on space-heavy bytes', () => {
    const bytes = fc.array(fc.constantFrom(0x20, 0x20, 0x20, 0x0a, 0x41, 0xf8, 0x00), { maxLength: 600 }).map((a) => Uint8Array.from(a));
    fc.assert(fc.property(bytes, (b) => {
      expect(unsqueeze(squeeze(b))).toEqual(b);
    }), { numRuns: 500 });
  });
  it('rejects characters outside base64url', () => {
    expect(fromBase64url('ab+/')).toBeNull();
  });
});

describe('fragments', () => {
  it('round-trips text, step and view exactly', () => {
    const view = fc.record({ task: label, viewAs: label, ns: label });
    const step = fc.option(fc.nat(), { nil: null });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), step, view, (text, s, v) => {
      expect(decodeFragment(encodeFragment(text, s, v))).toEqual({ ok: true, data: { text, step: s, view: v } });
    }), { numRuns: 200 });
  });
  it('round-trips scenario-like text (both modes)', () => {
    const words = fc.constantFrom('init ', 'fork ', 'as a ', '   ', '=> 2', '\n', '## x\n', 'cmd "a\\"b"', '\t', 'é', '{i}');
    fc.assert(fc.property(fc.array(words, { maxLength: 120 }).map((a) => a.join('')), (text) => {
      const r = decodeFragment(encodeFragment(text));
      expect(r).toEqual({ ok: true, data: { text, step: null, view: NO_VIEW } });
    }), { numRuns: 200 });
  });
  it('keeps a 40-statement scenario link within 600 characters', () => {
    const text = readFileSync(join(import.meta.dirname, '__fixtures__', 'links', 'forty-statements.pidns'), 'utf8');
    expect(text.split('\n').filter((l) => /^\s*[A-Za-z_]/.test(l) && !/^\w+:/.test(l))).toHaveLength(40);
    const fragment = encodeFragment(text, 12, { task: 'cinit', viewAs: 'shim', ns: 'ns1' });
    expect(fragment.length).toBeLessThanOrEqual(600);
    expect(fragment).toMatch(/^#v1\.z[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  });
  it('uses the plain form when it is shorter', () => {
    expect(encodeFragment('a')).toMatch(/^#v1\.p/);
  });
  it('detects every truncation and most single-character changes', () => {
    const fragment = encodeFragment('init fork as a => 2\na getpid => 1\n', 3, NO_VIEW);
    for (let n = 0; n < fragment.length; n += 1) {
      expect(decodeFragment(fragment.slice(0, n)).ok).toBe(false);
    }
    const i = Math.floor(fragment.length / 2);
    const changed = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(decodeFragment(changed)).toEqual({ ok: false, error: expect.stringContaining('truncated or damaged') });
  });
  it('explains foreign, newer and empty links', () => {
    expect(decodeFragment('#v9.zAAAA.AAAAAA')).toEqual({ ok: false, error: expect.stringContaining('link format v9 is newer') });
    expect(decodeFragment('#hello')).toEqual({ ok: false, error: expect.stringContaining('not a pidns-lab') });
    expect(decodeFragment('')).toEqual({ ok: false, error: 'the link carries no scenario' });
  });
  it('never throws on random fragments', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      decodeFragment(s);
      decodeFragment(`#v1.z${s}`);
      decodeFragment(`#v1.p${s}`);
    }), { numRuns: 2000 });
  });
  it('refuses a link that inflates past 1 MiB', () => {
    const huge = encodeFragment(' x'.repeat(700_000));
    expect(decodeFragment(huge)).toEqual({ ok: false, error: expect.stringContaining('larger than 1 MiB') });
  });
  it('refuses a short link whose space runs would expand to gigabytes, without expanding them', () => {
    // each 3 squeezed bytes (a run of spaces to column 255, a newline) stand for 256 bytes
    const squeezed = new Uint8Array(3 * 4_000_000).map((_, i) => [0xf8, 255, 0x0a][i % 3] as number);
    const dict = squeeze(strToU8(DICTIONARY_V1));
    const fragment = `#v1.z${toBase64url(deflateSync(squeezed, { level: 9, mem: 12, dictionary: dict }))}.AAAAAA`;
    expect(fragment.length).toBeLessThan(30_000);
    expect(decodeFragment(fragment)).toEqual({ ok: false, error: expect.stringContaining('larger than 1 MiB') });
  });
  it('stops unsqueezing once the output passes the limit', () => {
    expect(unsqueeze(Uint8Array.of(0xf8, 200, 0x0a, 0xf8, 200), 50)).toHaveLength(51);
    expect(unsqueeze(Uint8Array.of(0x41, 0xf8, 5), 50)).toEqual(strToU8('A    '));
  });
});
