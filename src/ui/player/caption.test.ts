import { describe, expect, it } from 'vitest';
import { actSentence, captionAt } from './Caption.tsx';

describe('captionAt', () => {
  const captions = [{ step: 4, text: 'a' }, { step: 10, text: 'b' }, { step: 10, text: 'c' }];
  it('shows the last caption reached, none before the first', () => {
    expect(captionAt(captions, 3)).toBeNull();
    expect(captionAt(captions, 4)).toBe('a');
    expect(captionAt(captions, 9)).toBe('a');
    expect(captionAt(captions, 10)).toBe('b c');
    expect(captionAt(captions, 99)).toBe('b c');
  });

  it('tells what each act of a teardown did, counting the whole step as the last act', () => {
    expect(actSentence({ index: 1, count: 2, act: 'killed', ns: 'ns1' }))
      .toBe('Teardown of ns1, act 1 of 3: its init is dying, so every other process in ns1 gets SIGKILL.');
    expect(actSentence({ index: 2, count: 2, act: 'reaped', ns: 'ns1' })).toMatch(/^Teardown of ns1, act 2 of 3: .*reaped/);
  });
});
