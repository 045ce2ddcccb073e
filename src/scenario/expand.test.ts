import { describe, expect, it } from 'vitest';
import type { ConcreteStatement, ConcreteStep } from './ast.ts';
import { expandProgram, expandSteps } from './expand.ts';
import { parseScenario } from './parser.ts';

const TEXT = '## two forks\nrepeat 2\n  init fork as c{i} => {i+1}\nend\ninit wait\npause\n';

function program() {
  const { program } = parseScenario(TEXT);
  if (program === null) throw new Error('parse');
  return program;
}

const brief = (s: ConcreteStatement): string =>
  s.kind === 'step' ? `${s.index} ${s.actor} ${s.call.op} ${s.label ?? '-'} ${s.captions.join('|')}` : s.kind;

describe('expandSteps', () => {
  it('walks like expandProgram, writing every step in one object', () => {
    const steps = expandSteps(program());
    const seen: string[] = [];
    const objects = new Set<ConcreteStatement>();
    for (let s = steps.take(); s !== null; s = steps.take()) {
      seen.push(brief(s));
      if (s.kind === 'step') objects.add(s);
    }
    expect(seen).toEqual([...expandProgram(program())].map(brief));
    expect(seen).toEqual(['0 init fork c1 two forks', '1 init fork c2 ', '2 init wait - ', 'narration']);
    expect(objects.size).toBe(1);
  });

  it('leaves expandProgram handing out a new step each time, kept as it was', () => {
    const steps = [...expandProgram(program())].filter((s): s is ConcreteStep => s.kind === 'step');
    expect(steps.map((s) => s.label)).toEqual(['c1', 'c2', null]);
    expect(steps.map((s) => s.expect)).toEqual([{ kind: 'int', value: 2 }, { kind: 'int', value: 3 }, null]);
  });
});
