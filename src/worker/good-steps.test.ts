import { describe, expect, it } from 'vitest';
import { recordRun } from './record.ts';

const run = async (text: string) => (await recordRun(text, async () => true))?.loaded;

describe('a scenario error keeps the good steps before it', () => {
  it('a line that does not parse: the statements above it still play', async () => {
    const loaded = await run('init fork as a\na fork as b\n# fine so far\nb frobnicate\nb exit\n');
    expect(loaded?.total).toBe(2);
    expect(loaded?.error).toMatchObject({ line: 4 });
    expect(loaded?.error?.message).toMatch(/unknown op `frobnicate`/);
    expect(loaded?.diagnostics.map((d) => [d.line, d.severity])).toEqual([[4, 'error']]);
  });

  it('a statement that fails when run: the steps before it play', async () => {
    const loaded = await run('init fork as a\na fork as b\nzz fork\nb exit\n');
    expect([loaded?.total, loaded?.error?.line]).toEqual([2, 3]);
  });

  it('an error on the first line leaves nothing to play, and says where', async () => {
    const loaded = await run('init frobnicate\ninit fork\n');
    expect([loaded?.total, loaded?.error?.line]).toEqual([0, 1]);
  });

  it('an unclosed block: the part above the block plays', async () => {
    const loaded = await run('init fork as a\nrepeat 3\n  a fork\n');
    expect(loaded?.total).toBe(1);
    expect(loaded?.error).not.toBeNull();
  });
});
