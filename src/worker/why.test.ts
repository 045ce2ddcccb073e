import { describe, expect, it } from 'vitest';
import { whyFailed } from './why.ts';

describe('whyFailed', () => {
  it('explains an errno by the rule that produces it for that op', () => {
    expect(whyFailed('fork', 'ENOMEM')).toContain('init has exited');
    expect(whyFailed('clone', 'ENOSPC')).toContain('32 levels');
  });
  it('falls back to the errno in general, and to nothing for an unknown one', () => {
    expect(whyFailed('getpgid', 'ESRCH')).toContain('visible');
    expect(whyFailed('fork', 'EWHAT')).toBeNull();
  });
});
