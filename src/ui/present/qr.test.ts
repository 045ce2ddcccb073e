import { describe, expect, it } from 'vitest';
import { qrOf, SCANS_WELL_UP_TO } from './qr.ts';

describe('QR code of a link', () => {
  it('draws a short link as a small code with its three finder patterns', async () => {
    const result = await qrOf('https://example.org/pidns/#v1.zABC.xyz');
    if (!result.ok) throw new Error(result.reason);
    const { size, path } = result.picture;
    expect(size).toBeLessThanOrEqual(SCANS_WELL_UP_TO);
    expect((size - 17) % 4).toBe(0);
    // the top-left finder's corner modules are dark; the module just inside its ring is light
    for (const [x, y] of [[0, 0], [6, 0], [0, 6], [size - 1, 0], [0, size - 1]]) expect(path).toContain(`M${x} ${y}h1`);
    expect(path).not.toContain('M1 1h1');
  });
  it('grows with the link, and says so when no code can hold it', async () => {
    const long = await qrOf(`https://example.org/#v1.z${'A'.repeat(1500)}`);
    expect(long.ok && long.picture.size > SCANS_WELL_UP_TO).toBe(true);
    const tooLong = await qrOf(`https://example.org/#v1.z${'A'.repeat(4000)}`);
    expect(tooLong).toEqual({ ok: false, reason: expect.stringContaining('too long for a QR code (4,025 characters') });
  });
});
