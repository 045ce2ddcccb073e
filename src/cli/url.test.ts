import { describe, expect, it } from 'vitest';
import { decodeFragment } from '../scenario/index.ts';
import { runCli } from './testing.ts';

const TEXT = 'init fork as a\na unshare NEWPID\na fork as b\n';
const BASE = 'https://example.org/courses/os/pidns/';

describe('pidns-lab url --base', () => {
  it('prints the whole link: the page address, then the fragment', async () => {
    const fragment = (await runCli(['url', '-', '--step', '2'], { stdin: TEXT })).stdout.trim();
    const r = await runCli(['url', '-', '--step', '2', '--base', BASE], { stdin: TEXT });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${BASE}${fragment}\n`);
    expect(decodeFragment(fragment)).toMatchObject({ ok: true, data: { text: TEXT, step: 2 } });
  });
  it('--embed and --present put the mode before the fragment; a fragment in the base is dropped', async () => {
    const embed = await runCli(['url', '-', '--embed', '--base', `${BASE}#old`], { stdin: TEXT });
    expect(embed.stdout).toMatch(/^https:\/\/example\.org\/courses\/os\/pidns\/\?embed#v1\.[zp]\S+\n$/);
    const present = await runCli(['url', '-', '--base', `${BASE}index.html?lang=en`, '--present'], { stdin: TEXT });
    expect(present.stdout).toMatch(/^https:\/\/example\.org\/courses\/os\/pidns\/index\.html\?lang=en&present#v1\./);
  });
  it('refuses a mode without a base, two modes, and a base that is not an address (status 2)', async () => {
    for (const [argv, words] of [
      [['--embed'], /--embed needs --base URL/],
      [['--base', BASE, '--embed', '--present'], /choose one of --embed and --present/],
      [['--base', 'courses/pidns'], /--base takes the page's whole address, .* not courses\/pidns/],
      [['--base'], /--base needs a value/],
    ] as const) {
      const r = await runCli(['url', '-', ...argv], { stdin: TEXT });
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(words);
    }
  });
});
