import { describe, expect, it } from 'vitest';
import { actSentence } from './Caption.tsx';

describe('actSentence', () => {
  it('tells what each act of a teardown did, counting the whole step as the last act', () => {
    expect(actSentence({ index: 1, count: 2, act: 'killed', ns: 'ns1' }))
      .toBe('Teardown of ns1, act 1 of 3: its init is dying, so every other process in ns1 gets SIGKILL.');
    expect(actSentence({ index: 2, count: 2, act: 'reaped', ns: 'ns1' })).toMatch(/^Teardown of ns1, act 2 of 3: .*reaped/);
  });
});
