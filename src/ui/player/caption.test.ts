import { describe, expect, it } from 'vitest';
import { captionAt } from './Caption.tsx';

describe('captionAt', () => {
  const captions = [{ step: 4, text: 'a' }, { step: 10, text: 'b' }, { step: 10, text: 'c' }];
  it('shows the last caption reached, none before the first', () => {
    expect(captionAt(captions, 3)).toBeNull();
    expect(captionAt(captions, 4)).toBe('a');
    expect(captionAt(captions, 9)).toBe('a');
    expect(captionAt(captions, 10)).toBe('b c');
    expect(captionAt(captions, 99)).toBe('b c');
  });
});
