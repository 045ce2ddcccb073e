import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConcreteStep, Diagnostic, OpStatement } from './ast.ts';
import { expandProgram } from './expand.ts';
import { parseScenario } from './parser.ts';

/** The first problem of `text`: a parse diagnostic, or the first expansion error. */
function firstProblem(text: string): Diagnostic | null {
  const { program, diagnostics } = parseScenario(text);
  if (program === null) return diagnostics[0] ?? null;
  for (const s of expandProgram(program)) if (s.kind === 'error') return s.diagnostic;
  return null;
}

function steps(text: string): ConcreteStep[] {
  const { program, diagnostics } = parseScenario(text);
  expect(diagnostics).toEqual([]);
  return [...expandProgram(program!)].filter((s): s is ConcreteStep => s.kind === 'step');
}

function onlyStatement(text: string): OpStatement {
  const { program, diagnostics } = parseScenario(text);
  expect(diagnostics).toEqual([]);
  return program!.body[0] as OpStatement;
}

describe('malformed corpus', () => {
  const dir = join(import.meta.dirname, '__fixtures__', 'malformed');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pidns'))) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, line, code] = /^# expect: line (\d+) (SCN\d+)/.exec(text) ?? [];
      const problem = firstProblem(text);
      expect(problem && { line: problem.line, code: problem.code }).toEqual({ line: Number(line), code });
      expect(problem?.message.length).toBeGreaterThan(20);
    });
  }
});

describe('headers', () => {
  it('reads title, about lines and pid_max', () => {
    const { program } = parseScenario('title: T # c\nabout: a\nabout: b\npid_max: 301\ninit getpid\n');
    expect(program).toMatchObject({ title: 'T', about: ['a', 'b'], pidMax: 301 });
  });
  it('defaults pid_max to 32768', () => {
    expect(parseScenario('init getpid').program?.pidMax).toBe(32768);
  });
  it('accepts CRLF, a BOM, comments and blank lines', () => {
    expect(steps('\uFEFFtitle: x\r\n\r\n# c\r\ninit getpid # c\r\n')).toHaveLength(1);
  });
});

describe('statements', () => {
  it('parses fork with as, cmd (escapes) and an expectation', () => {
    const s = onlyStatement('init fork as web-1.a cmd "say \\"hi\\" \\\\ # no comment" => 2');
    expect(s.label).toEqual({ kind: 'fixed', column: 14, value: 'web-1.a' });
    expect(s.cmd).toMatchObject({ kind: 'fixed', value: 'say "hi" \\ # no comment' });
    expect(s.expect).toMatchObject({ value: { kind: 'int', value: 2 } });
  });
  it('accepts cmd before as', () => {
    expect(onlyStatement('init fork cmd "x" as a').label).toMatchObject({ value: 'a' });
  });
  it('parses clone flags and set_tid', () => {
    const [s] = steps('init clone NEWPID,NEWNS set_tid=1,5 as X');
    expect(s?.call).toEqual({ op: 'clone', flags: ['NEWPID', 'NEWNS'], setTid: [1, 5] });
    expect(steps('init clone set_tid=7')[0]?.call).toEqual({ op: 'clone', flags: [], setTid: [7] });
  });
  it('parses signals by name, number and 0', () => {
    const calls = steps('init kill KILL 1\ninit kill 15 -1\ninit kill 0 x\ninit signal CHLD ignore\ninit pdeathsig 0').map((s) => s.call);
    expect(calls).toEqual([
      { op: 'kill', sig: 9, target: { kind: 'nr', nr: 1 } },
      { op: 'kill', sig: 15, target: { kind: 'nr', nr: -1 } },
      { op: 'kill', sig: 0, target: { kind: 'label', label: 'x' } },
      { op: 'signal', sig: 17, disposition: 'ignore' },
      { op: 'pdeathsig', sig: 0 },
    ]);
  });
  it('explains shell-style signal spellings', () => {
    const messages = ['init kill -9 1', 'init kill SIGKILL 1', 'init kill term 1'].map((t) => parseScenario(t).diagnostics[0]?.message);
    expect(messages).toEqual([
      expect.stringContaining('without a dash'), expect.stringContaining('write `KILL`'), expect.stringContaining('write `TERM`'),
    ]);
  });
  it('parses wait forms', () => {
    const calls = steps('init wait\ninit wait WNOHANG\ninit wait -5 WNOHANG\ninit wait A').map((s) => s.call);
    expect(calls).toEqual([
      { op: 'wait', target: null, nohang: false },
      { op: 'wait', target: null, nohang: true },
      { op: 'wait', target: { kind: 'nr', nr: -5 }, nohang: true },
      { op: 'wait', target: { kind: 'label', label: 'A' }, nohang: false },
    ]);
  });
  it('parses the small ops', () => {
    const text = [
      'init prctl SUBREAPER 1', 'init reap manual', 'init mount proc', 'init write ns_last_pid 100',
      'init write pid_max 5000', 'init caps drop', 'init setuid 1000', 'init sigmask unblock USR1',
      'init reboot POWER_OFF', 'init exec "/bin/sh -c \\"x\\""', 'init thread-exit', 'init setpgid 0 A',
      'init getsid A', 'init nspid', 'init unshare NEWNS,NEWPID',
    ].join('\n');
    expect(steps(text).map((s) => s.call)).toEqual([
      { op: 'prctl', subreaper: true }, { op: 'reap', mode: 'manual' }, { op: 'mount', fs: 'proc' },
      { op: 'write', file: 'ns_last_pid', value: 100 }, { op: 'write', file: 'pid_max', value: 5000 },
      { op: 'caps', action: 'drop' }, { op: 'setuid', uid: 1000 }, { op: 'sigmask', block: false, sig: 10 },
      { op: 'reboot', cmd: 'POWER_OFF' }, { op: 'exec', cmd: '/bin/sh -c "x"' }, { op: 'thread-exit', code: 0 },
      { op: 'setpgid', target: { kind: 'nr', nr: 0 }, pgid: { kind: 'label', label: 'A' } },
      { op: 'getsid', target: { kind: 'label', label: 'A' } }, { op: 'nspid', target: null },
      { op: 'unshare', flags: ['NEWNS', 'NEWPID'] },
    ]);
  });
  it('reads => glued to its neighbours', () => {
    expect(steps('init getpid=>1\ninit getpid =>EINVAL').map((s) => s.expect)).toEqual([
      { kind: 'int', value: 1 }, { kind: 'errno', name: 'EINVAL' },
    ]);
  });
  it('parses expectations', () => {
    expect(steps('init ps => 1 2  3\ninit getpid => EINVAL\ninit getpid => -0').map((s) => s.expect)).toEqual([
      { kind: 'list', values: [1, 2, 3] }, { kind: 'errno', name: 'EINVAL' }, { kind: 'int', value: 0 },
    ]);
  });
  it('reports several problems at once, in line order, with columns', () => {
    const { program, diagnostics } = parseScenario('init frok\ninit fork as 1x\ninit getpid => E');
    expect(program).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.column, d.code])).toEqual([[1, 6, 'SCN1007'], [2, 14, 'SCN1010'], [3, 16, 'SCN1014']]);
  });
});

describe('questions', () => {
  it('reads `=> ?` as a question, with the statement as written and no expectation', () => {
    const s = onlyStatement('init  fork   as A cmd "say \\"hi\\"" => ?');
    expect(s.expect).toBeNull();
    expect(s.question).toEqual({ kind: 'fixed', column: 1, value: 'init fork as A cmd "say \\"hi\\""' });
    expect(onlyStatement('init getpid => 1').question).toBeNull();
  });
  it('substitutes repeat variables in the statement of a question', () => {
    expect(steps('repeat 2\n  init fork as c{i} =>?\nend').map((s) => s.question)).toEqual(['init fork as c1', 'init fork as c2']);
  });
  it('refuses a question on a statement without a result, or with an answer written', () => {
    const codes = ['init fork as A\nA thread-exit => ?', 'init fault => ?', 'init getpid => ? 1', 'init getpid => ?1']
      .map((t) => parseScenario(t).diagnostics.map((d) => d.code));
    expect(codes).toEqual([['SCN1037'], ['SCN1037'], ['SCN1038'], ['SCN1014']]);
  });
});

describe('exercises', () => {
  const EXERCISE = 'title: T\ngoal: first line,\ngoal: second line.\nhint: one\nhint: two\ninit fork as A\nA exit 0\nsolution\n  init wait A => 2\n  ## done\nend\n# a comment after\n';
  it('reads the goal paragraph, the hints in order, the attempt and the solution block', () => {
    const { program } = parseScenario(EXERCISE);
    expect(program).toMatchObject({ goal: 'first line, second line.', hints: ['one', 'two'] });
    expect(program?.body.map((s) => s.line)).toEqual([6, 7]);
    expect(program?.solution).toMatchObject({ kind: 'solution', line: 8, endLine: 11 });
    expect(program?.solution?.body.map((s) => [s.kind, s.line])).toEqual([['op', 9], ['caption', 10]]);
  });
  it('takes a goal without a block as an attempt, and no goal as no exercise', () => {
    expect(parseScenario('goal: g\ninit fork').program).toMatchObject({ goal: 'g', hints: [], solution: null });
    expect(parseScenario('init fork').program).toMatchObject({ goal: null, hints: [], solution: null });
  });
  it('allows repeat blocks inside the solution', () => {
    const { program } = parseScenario('goal: g\ninit fork\nsolution\n  repeat 2\n    init fork\n  end\nend');
    expect(program?.solution?.body.map((s) => s.kind)).toEqual(['repeat']);
  });
  it('counts the solution block in the step limit', () => {
    const d = parseScenario('goal: g\nrepeat 4194304\n  init getpid\nend\nsolution\n  repeat 4194304\n    repeat 2 j\n      init getpid\n    end\n  end\nend').diagnostics;
    expect(d.map((x) => [x.line, x.code])).toEqual([[6, 'SCN1023']]);
  });
  it('reports the lines of a second block once, and names the first block', () => {
    const d = parseScenario('goal: g\ninit fork\nsolution\n  init fork\nend\nsolution\n  init fork\nend').diagnostics;
    expect(d.map((x) => [x.line, x.code])).toEqual([[6, 'SCN1041']]);
    expect(d[0]?.message).toContain('line 3');
  });
});

describe('repeat expansion', () => {
  it('substitutes {i}, {i+K}, {i-K} in labels, numbers, cmd and expectations', () => {
    const got = steps('repeat 3\n  init fork as c{i} cmd "job {i-1}" => {i+1}\nend');
    expect(got.map((s) => [s.label, s.cmd, s.expect, s.line, s.index])).toEqual([
      ['c1', 'job 0', { kind: 'int', value: 2 }, 2, 0],
      ['c2', 'job 1', { kind: 'int', value: 3 }, 2, 1],
      ['c3', 'job 2', { kind: 'int', value: 4 }, 2, 2],
    ]);
  });
  it('nests with different variables and templated counts', () => {
    const got = steps('repeat 3\n  repeat {i} j\n    init kill 0 {i}{j}\n  end\nend');
    expect(got.map((s) => (s.call as { target: { nr: number } }).target.nr)).toEqual([11, 21, 22, 31, 32, 33]);
  });
  it('leaves brace groups that name no variable alone in cmd text', () => {
    expect(steps('init fork cmd "awk \'{print $1}\'"')[0]?.cmd).toBe("awk '{print $1}'");
  });
  it('attaches captions and pause to the next step, including across iterations', () => {
    const all = [...expandProgram(parseScenario('## one\npause\ninit getpid\nrepeat 2\n  init getpid\n  ## round {i}\nend\n## bye').program!)];
    expect(all.map((s) => (s.kind === 'step' ? [s.captions, s.pause] : s.kind))).toEqual([
      [['one'], true], [[], false], [['round 1'], false], 'narration',
    ]);
    expect(all.at(-1)).toEqual({ kind: 'narration', line: 8, captions: ['round 2', 'bye'], pause: false });
  });
  it('is lazy: a 4194304-iteration loop yields its first step at once', () => {
    const it = expandProgram(parseScenario('repeat 4194304\n  init getpid\nend').program!)[Symbol.iterator]();
    expect(it.next().value).toMatchObject({ kind: 'step', index: 0 });
  });
});

describe('robustness', () => {
  it('stops a run past 10,000,000 steps that the parser could not foresee, at the right line', () => {
    const { program } = parseScenario('repeat 4500\n  repeat {i} j\n    init getpid\n  end\nend');
    let last = null;
    for (const s of expandProgram(program!)) last = s;
    expect(last).toMatchObject({ kind: 'error', diagnostic: { line: 3, code: 'SCN1023' } });
  }, 60_000);
  it('rejects text over 1 MiB with one diagnostic', () => {
    const r = parseScenario('# ' + 'x'.repeat(1024 * 1024));
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'SCN1001']]);
  });
  it('never throws on random text', () => {
    const alphabet = fc.constantFrom(...'ab {}i+-=>"\\#\n\t 0123456789,:'.split(''), 'repeat ', 'end', 'init ', 'fork', 'as ', 'cmd ', 'kill ', 'wait ', '## ', 'pid_max:', 'NEWPID', 'set_tid=', '{i+1}', '=> ', 'E', '=> ?', 'solution\n', 'goal: g\n', 'hint: h\n');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
      const { program, diagnostics } = parseScenario(text);
      expect(program === null).toBe(diagnostics.length > 0);
      if (program !== null) for (const s of expandProgram(program)) if (s.kind === 'step' && s.index > 1000) break;
    }), { numRuns: 3000 });
  });
  it('never throws on random unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      parseScenario(text);
    }), { numRuns: 2000 });
  });
});
