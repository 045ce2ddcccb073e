import { describe, expect, it } from 'vitest';
import { iframeCode } from './embedCode.ts';

describe('embed code', () => {
  it('is an iframe on the embed link, titled after the scenario', () => {
    const code = iframeCode('https://example.org/pidns/?embed#v1.zAB.cd', 'Orphans go to "init"');
    expect(code).toMatch(/^<iframe src="https:\/\/example\.org\/pidns\/\?embed#v1\.zAB\.cd" title="pidns-lab: Orphans go to &quot;init&quot;"/);
    expect(code).toMatch(/><\/iframe>$/);
  });
  it('escapes the link for an HTML attribute', () => {
    expect(iframeCode('https://h/?a=1&embed#v1.p<x>.y', null)).toContain('src="https://h/?a=1&amp;embed#v1.p&lt;x&gt;.y" title="pidns-lab"');
  });
});
