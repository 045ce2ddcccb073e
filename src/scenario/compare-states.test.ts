import { describe, expect, it } from 'vitest';
import { compareStates } from './compare-states.ts';
import { runScenario, type JsonNamespace } from './document.ts';

const stateOf = (text: string): JsonNamespace[] => {
  const doc = runScenario(text);
  if (doc.error !== null) throw new Error(doc.error.message);
  return doc.namespaces;
};
const differ = (attempt: string, goal: string): string | null => compareStates(stateOf(attempt), stateOf(goal));

describe('compareStates', () => {
  it('finds no difference between states reached in different ways, whatever the labels and commands', () => {
    expect(differ('init fork as A cmd "x"\nA exit 0\ninit wait A\ninit fork as B', 'init fork as C\nC exec "y"\nC exit 1\ninit wait\ninit fork as D cmd "z"')).toBeNull();
  });
  it('names a pid the attempt lacks, with the goal\'s stat', () => {
    expect(differ('init fork', 'init fork\ninit fork')).toBe('ns0 has no pid 3; the goal has pid 3 (S)');
  });
  it('names a pid the goal lacks', () => {
    expect(differ('init fork as A\nA fork as B\nB exit 0', 'init fork as A')).toBe('ns0 has pid 3 (Z); the goal has no pid 3');
  });
  it('names a different stat in words', () => {
    expect(differ('init fork as A\nA fork as B\nB exit 0', 'init fork as A\nA fork as B')).toBe('in ns0, pid 3 is a zombie (Z); in the goal it is alive (S)');
    expect(differ('init fork as A\nA kill STOP 0', 'init fork as A')).toBe('in ns0, pid 2 is stopped (T); in the goal it is alive (S)');
  });
  it('names a different ppid, pgid and sid', () => {
    expect(differ('init fork as A\ninit fork as B', 'init fork as A\nA fork as B')).toBe('in ns0, pid 3 has ppid 1; in the goal its ppid is 2');
    expect(differ('init fork as A\nA setpgid 0 0', 'init fork as A')).toBe('in ns0, pid 2 has pgid 2; in the goal its pgid is 1');
    expect(differ('init fork as A\nA setsid', 'init fork as A\nA setpgid 0 0')).toBe('in ns0, pid 2 has sid 2; in the goal its sid is 1');
  });
  it('names a missing or extra namespace before any row', () => {
    expect(differ('init fork as A', 'init clone NEWPID as A')).toBe('there is no ns1; the goal has ns1 (level 1, inside ns0)');
    expect(differ('init clone NEWPID as A', 'init fork as A')).toBe('there is an ns1 (level 1, inside ns0); the goal has no ns1');
  });
  it('names a namespace in another state', () => {
    expect(differ('init fork as A\nA clone NEWPID as B\nB fork as C\nB exit 0', 'init fork as A\nA clone NEWPID as B\nB fork as C'))
      .toBe('ns1 is dying (its init has exited); in the goal it is active');
    expect(differ('init fork as A\nA clone NEWPID as B\nB exit 0\nA wait', 'init fork as A\nA clone NEWPID as B\nB exit 0'))
      .toBe('ns1 is dead (no process left in it); in the goal it is dying (its init has exited)');
  });
  it('names a namespace under another parent', () => {
    expect(differ('init clone NEWPID as A\ninit clone NEWPID as B', 'init clone NEWPID as A\nA clone NEWPID as B'))
      .toBe('ns2 is inside ns0; in the goal it is inside ns1');
    const [root] = stateOf('init getpid');
    const moved = { ...(root as JsonNamespace), level: 1 };
    expect(compareStates([root as JsonNamespace], [moved])).toBe('ns0 is at level 0; in the goal it is at level 1');
  });
  it('compares the innermost namespace first, in its own numbers', () => {
    expect(differ('init clone NEWPID as A\nA fork', 'init clone NEWPID as A\nA fork\nA fork')).toBe('ns1 has no pid 3; the goal has pid 3 (S)');
  });
});
