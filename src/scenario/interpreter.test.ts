import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './ast.ts';
import { runScenario } from './document.ts';
import { createInterpreter, type Interpreter, type RunOptions, type StepRecord, type Tally } from './interpreter.ts';
import { taskCount } from '../kernel/index.ts';

function start(text: string): Interpreter {
  const run = createInterpreter(text);
  if ('diagnostics' in run) throw new Error(run.diagnostics.map((d) => d.message).join('\n'));
  return run;
}

function finish(text: string): { records: readonly StepRecord[]; error: Diagnostic | null; run: Interpreter } {
  const run = start(text);
  let end = run.next();
  while (!end.done) end = run.next();
  return { records: run.records, error: end.error, run };
}

const results = (text: string): (string | null)[] => finish(text).records.map((r) => r.result);

describe('labels', () => {
  it('gives ACTOR.N to unnamed children, skipping names in use', () => {
    const { records, run } = finish('init fork as A.2\nA.2 getpid\ninit fork\ninit fork\ninit fork\nA.2 fork');
    expect(records.filter((r) => r.label !== undefined).map((r) => r.label)).toEqual(['A.2', 'init.1', 'init.2', 'init.3', 'A.2.1']);
    expect(run.labels.lookup('init.3')).toBe(4);
  });
  it('counts automatic labels only for tasks actually created', () => {
    const { records } = finish('init caps drop\ninit clone NEWPID => EPERM\ninit fork');
    expect(records.at(-1)?.label).toBe('init.1');
  });
  it('refuses a label used before, even an automatic one, at the reusing line', () => {
    expect(finish('init fork as A\ninit fork as A').error).toMatchObject({ line: 2, code: 'SCN1028' });
    expect(finish('init fork\ninit fork as init.1').error).toMatchObject({ line: 2, code: 'SCN1028', message: expect.stringContaining('given automatically') });
    expect(finish('init fork as init').error).toMatchObject({ line: 1, code: 'SCN1028' });
  });
  it('keeps the label of a failed fork bound to no task', () => {
    const { error } = finish('init caps drop\ninit clone NEWPID as X => EPERM\nX getpid');
    expect(error).toMatchObject({ line: 3, code: 'SCN1035', message: expect.stringContaining('line 2') });
    expect(finish('init caps drop\ninit clone NEWPID as X\ninit fork as X').error).toMatchObject({ line: 3, code: 'SCN1028' });
  });
  it('stops on an unknown label as actor or target, keeping the state reached', () => {
    const { error, records, run } = finish('init fork as A\nB getpid\nA getpid');
    expect(error).toMatchObject({ line: 2, code: 'SCN1029' });
    expect(records).toHaveLength(1);
    expect(taskCount(run.state)).toBe(2);
    expect(finish('init kill TERM nobody').error).toMatchObject({ line: 1, code: 'SCN1029' });
  });
});

describe('actors and faults', () => {
  it('refuses an actor that has exited or is blocked', () => {
    expect(finish('init fork as A\nA exit 0\nA getpid').error).toMatchObject({ line: 3, code: 'SCN1030' });
    expect(finish('init fork as A\nA fork as B\nA wait\nA getpid').error).toMatchObject({ line: 4, code: 'SCN1030' });
  });
  it('makes the root init exiting a scenario error', () => {
    const { error, records } = finish('init getpid\ninit exit 0');
    expect(error).toMatchObject({ line: 2, code: 'SCN1031' });
    expect(records).toHaveLength(1);
  });
});

describe('results', () => {
  it('formats integers, errnos, lists and none', () => {
    expect(results('init fork as A\nA ps\nA kill 0 99999\nA exit 0')).toEqual(['2', '1 2', 'ESRCH', null]);
  });
  it('compares expectations after substitution and goes on after a failure', () => {
    const { records, error } = finish('repeat 3\n  init fork => {i+1}\nend\ninit getpid => 7\ninit getpid => 1');
    expect(records.map((r) => r.pass)).toEqual([true, true, true, false, true]);
    expect(error).toBeNull();
  });
  it('gives a blocked wait its result when a later step completes it', () => {
    const run = start('init fork as A\nA fork as B\nA wait => 3\nB exit 0');
    run.next();
    run.next();
    const blocked = run.next();
    expect(blocked).toMatchObject({ done: false, record: { result: null, pending: true, pass: null } });
    const exit = run.next();
    expect(exit).toMatchObject({ done: false, completed: [{ line: 3, result: '3', pass: true }] });
    expect(run.records[2]?.pending).toBeUndefined();
  });
  it('fails a wait still blocked at the end', () => {
    const doc = runScenario('init fork as A\nA fork as B\nA wait');
    expect(doc.ok).toBe(false);
    expect(doc.steps.at(-1)).toEqual({ line: 3, actor: 'A', op: 'wait', result: null, expect: null, pass: false, pending: true });
  });
  it('gives no result, and no failure, to a wait whose caller was killed', () => {
    const doc = runScenario('init fork as A\nA fork as B\nA wait\ninit kill KILL A => 0');
    expect(doc.ok).toBe(true);
    expect(doc.steps[2]).toEqual({ line: 3, actor: 'A', op: 'wait', result: null, expect: null, pass: null });
  });
  it('attaches captions and pause to the following step', () => {
    const { records } = finish('## hello\npause\ninit getpid');
    expect(records[0]).toMatchObject({ captions: ['hello'], pause: true });
  });
});

describe('a run that keeps no records', () => {
  const library = 'scenarios/library';
  const texts = [
    ...readdirSync(library).filter((f) => f.endsWith('.pidns')).map((f) => readFileSync(join(library, f), 'utf8')),
    'init fork as A\nA fork as B\nA wait',
    'init fork as A\nA fork as B\nA wait => 3\ninit kill KILL A => 0\ninit getpid => 7',
    'init fork as A\nA fork as B\nA wait => 3\nC getpid',
    'init fork as A\nA ps => 1 2\nA getpid\nA ps => 1 2\nA ps => 9',
  ];
  /** the tally as counted from the records at the end of a run */
  function counted(records: readonly StepRecord[]): Tally {
    const checked = records.filter((r) => r.expect !== null || r.pending === true);
    return { steps: records.length, checked: checked.length, failed: checked.filter((r) => r.pass !== true).length };
  }
  function runToEnd(text: string, options: RunOptions): Interpreter {
    const run = createInterpreter(text, options);
    if ('diagnostics' in run) throw new Error(run.diagnostics.map((d) => d.message).join('\n'));
    while (!run.next().done);
    return run;
  }

  it('tallies its steps and expectations as its records would', () => {
    for (const text of texts) {
      const kept = runToEnd(text, {});
      expect(kept.tally).toEqual(counted(kept.records));
      const bare = runToEnd(text, { records: false, events: false });
      expect(bare.records).toEqual([]);
      expect(bare.tally).toEqual(kept.tally);
      expect(JSON.stringify(bare.state)).toBe(JSON.stringify(kept.state));
    }
  });
  it('fills one record for every step, but a blocked wait keeps its own until it completes', () => {
    const run = createInterpreter('init fork as A\nA fork as B\nA wait => 3\nB exit 0\ninit getpid => 1', { records: false });
    if ('diagnostics' in run) throw new Error('parse');
    const seen: (string | null)[] = [];
    const records: StepRecord[] = [];
    for (let a = run.next(); !a.done; a = run.next()) {
      seen.push(`${a.record.op} ${a.record.result ?? '…'}${a.completed.map((r) => ` (${r.op} ${r.result})`).join('')}`);
      records.push(a.record);
    }
    expect(seen).toEqual(['fork 2', 'fork 3', 'wait …', 'exit … (wait 3)', 'getpid 1']);
    const [, fork, wait, exit] = records;
    expect(fork).toBe(exit);
    expect(wait).not.toBe(exit);
    expect(wait).toMatchObject({ op: 'wait', result: '3', pass: true, pending: undefined });
    expect(run.tally).toEqual({ steps: 5, checked: 2, failed: 0 });
  });
  it('hands out no kernel events when asked for none', () => {
    const run = createInterpreter('init fork as A\nA exit 0', { events: false });
    if ('diagnostics' in run) throw new Error('parse');
    expect(run.next()).toMatchObject({ done: false, events: [] });
  });
});

describe('runScenario', () => {
  it('describes namespaces, ps rows and tasks', () => {
    const doc = runScenario('init fork as S\nS clone NEWPID as X cmd "init-x"\nX fork as Y\nY exit 3');
    expect(doc.namespaces.map((n) => [n.name, n.level, n.parent, n.state])).toEqual([['ns0', 0, null, 'active'], ['ns1', 1, 'ns0', 'active']]);
    expect(doc.namespaces[1]?.ps).toEqual([
      { pid: 1, ppid: 0, pgid: 0, sid: 0, stat: 'S', cmd: 'init-x', label: 'X' },
      { pid: 2, ppid: 1, pgid: 0, sid: 0, stat: 'Z', cmd: 'init-x', label: 'Y' },
    ]);
    expect(doc.tasks.at(-1)).toEqual({ label: 'Y', ns: 'ns1', nspid: [4, 2], state: 'zombie', exit: { code: 3 } });
  });
  it('reports a parse error with the initial world', () => {
    const doc = runScenario('init frok');
    expect(doc).toMatchObject({ ok: false, error: { line: 1 }, steps: [], tasks: [{ label: 'init' }] });
  });
  it('leaves steps out on request', () => {
    expect(runScenario('init getpid', { steps: false }).steps).toEqual([]);
  });
  it('is deterministic', () => {
    const text = 'init fork as A\nrepeat 50\n  A fork as c{i}\n  c{i} exit {i}\nend\nrepeat 50\n  A wait\nend';
    expect(JSON.stringify(runScenario(text))).toBe(JSON.stringify(runScenario(text)));
  });
});

describe('results no one reads', () => {
  const TEXT = 'init fork as A\nA ps\nA ps => 1 2\nA ps => ?\nA fork\nA ps';
  const run = (results: 'all' | 'checked') => {
    const r = createInterpreter(TEXT, { results });
    if ('diagnostics' in r) throw new Error('does not parse');
    while (!r.next().done);
    return r;
  };

  it('lists a ps only when an expectation or a question reads it, and the run is the same', () => {
    const all = run('all');
    const checked = run('checked');
    expect(all.records.map((r) => r.result)).toEqual(['2', '1 2', '1 2', '1 2', '3', '1 2 3']);
    expect(checked.records.map((r) => r.result)).toEqual(['2', null, '1 2', '1 2', '3', null]);
    expect(checked.records.map((r) => r.pass)).toEqual(all.records.map((r) => r.pass));
    expect(checked.state).toEqual(all.state);
  });

  it('lists again after a call that changes the world, or for another task, and not after reads', () => {
    const text = 'init clone NEWPID,NEWNS as B\nB fork as C\nB ps\nB getpid\nC getppid\nB ps\nB mount proc\nB ps\ninit ps\nC exit 0\nB ps\nB wait\nB ps';
    const { records } = finish(text);
    const ps = records.filter((r) => r.op === 'ps');
    expect(ps.map((r) => r.result)).toEqual(['1 2 3', '1 2 3', '1 2', '1 2 3', '1 2', '1']);
    expect(ps[1]?.result).toBe(ps[0]?.result);
  });
});
