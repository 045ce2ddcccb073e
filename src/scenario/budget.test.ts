import { describe, expect, it } from 'vitest';
import { tasksCreated } from './budget.ts';
import { parseScenario } from './parser.ts';

function created(text: string): number {
  const { program, diagnostics } = parseScenario(text);
  if (program === null) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return tasksCreated(program.body);
}

describe('tasksCreated', () => {
  it('counts every fork and clone, times the iterations of the repeats around it', () => {
    expect(created('init getpid')).toBe(0);
    expect(created('init fork as A\nA clone NEWPID as B\nA unshare NEWPID')).toBe(2);
    expect(created('init fork as A\nrepeat 10\n  A fork as c{i}\n  repeat 3 j\n    c{i} fork\n  end\nend')).toBe(41);
  });
  it('counts a repeat whose count is a template once', () => {
    expect(created('repeat 4\n  repeat {i}0 j\n    init fork\n  end\nend')).toBe(4);
  });
});
