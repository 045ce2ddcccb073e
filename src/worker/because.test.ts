import { describe, expect, it } from 'vitest';
import { whyResult } from './because.ts';

describe('whyResult', () => {
  it('gives the rule behind a successful result of the op', () => {
    expect(whyResult('getpid', '1')).toContain('own namespace');
    expect(whyResult('getppid', '0')).toContain('0 when the parent lives outside');
  });
  it('gives the failure rule for an errno', () => {
    expect(whyResult('kill', 'ESRCH')).toContain('visible');
  });
  it('has nothing to say without a result or for an op with no rule to name', () => {
    expect(whyResult('wait', null)).toBeNull();
    expect(whyResult('caps', '0')).toBeNull();
  });
});
