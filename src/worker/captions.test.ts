import { describe, expect, it } from 'vitest';
import { captionAt } from './captions.ts';

describe('captionAt', () => {
  const captions = [{ step: 4, text: 'a' }, { step: 10, text: 'b' }, { step: 10, text: 'c' }];

  it('shows the last caption reached, none before the first', () => {
    expect(captionAt(captions, 3)).toBeNull();
    expect(captionAt(captions, 4)).toBe('a');
    expect(captionAt(captions, 9)).toBe('a');
    expect(captionAt(captions, 10)).toBe('b c');
    expect(captionAt(captions, 99)).toBe('b c');
    expect(captionAt([], 5)).toBeNull();
  });

  it('finds a step among a million captions', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => ({ step: i + 1, text: `step ${i + 1}` }));
    expect(captionAt(many, 500_000)).toBe('step 500000');
    expect(captionAt(many, 0)).toBeNull();
  });
});
