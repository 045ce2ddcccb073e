import { describe, expect, it } from 'vitest';
import { labelFor, quote } from './snapshot-builder.ts';
import type { SnapProcess } from './snapshot-model.ts';

const P: SnapProcess = {
  id: 4, ns: 'R', chain: [4], parent: 1, pgid: [1], sid: [1], state: 'S', cmd: 'c', comm: 'kworker/R-rcu gp',
  start: 0, exitStatus: 0, threads: [], threadCount: 1,
};

describe('labels and command lines', () => {
  it('makes a label from the command name and the pid', () => {
    expect(labelFor(P)).toBe('kworker_R-rcu_gp_4');
    expect(labelFor({ ...P, comm: '9p' })).toBe('_9p_4');
  });
  it('quotes a command line for the language', () => {
    expect(quote('sh -c "echo \\\\x"\n')).toBe('"sh -c \\"echo \\\\\\\\x\\"?"');
  });
});
