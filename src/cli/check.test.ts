import { describe, expect, it } from 'vitest';
import { decodeFragment } from '../scenario/index.ts';
import { runCli } from './testing.ts';

const EXERCISE = 'goal: reap the job\ninit fork as shell\nshell fork as job\njob exit 2\nsolution\n  shell wait job => 3\nend\n';
const STARTER = 'init fork as shell\nshell fork as job\njob exit 2\n';
const files = { 'ex.pidns': EXERCISE, 'starter.pidns': STARTER, 'mine.pidns': `${STARTER}shell wait\n` };

describe('pidns-lab check', () => {
  it('says not solved, with the first difference, and exits 1', async () => {
    const r = await runCli(['check', 'ex.pidns'], { files });
    expect(r).toEqual({ code: 1, stdout: 'not solved: ns0 has pid 3 (Z); the goal has no pid 3\n', stderr: '' });
  });
  it('takes the goal from --solution OTHER and exits 0 when solved', async () => {
    expect(await runCli(['check', 'mine.pidns', '--solution', 'ex.pidns'], { files })).toEqual({ code: 0, stdout: 'solved\n', stderr: '' });
    expect((await runCli(['check', '--solution', 'ex.pidns', 'starter.pidns'], { files })).code).toBe(1);
  });
  it('reads the attempt or the exercise from standard input', async () => {
    expect(await runCli(['check', '-', '--solution', 'ex.pidns'], { files, stdin: files['mine.pidns'] })).toMatchObject({ code: 0, stdout: 'solved\n' });
    expect(await runCli(['check', 'mine.pidns', '--solution', '-'], { files, stdin: EXERCISE })).toMatchObject({ code: 0, stdout: 'solved\n' });
    expect(await runCli(['check', '-'], { stdin: EXERCISE })).toMatchObject({ code: 1 });
  });
  it('exits 2 on a file without a solution block and no --solution, or an OTHER that is no exercise', async () => {
    const r = await runCli(['check', 'starter.pidns'], { files });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('starter.pidns is not an exercise');
    expect(r.stderr).toContain('--solution OTHER');
    expect((await runCli(['check', 'mine.pidns', '--solution', 'starter.pidns'], { files })).code).toBe(2);
  });
  it('exits 2 with line N: message and the part, on a scenario error in either part', async () => {
    const attempt = await runCli(['check', '-', '--solution', 'ex.pidns'], { files, stdin: 'init fork as A\nB fork' });
    expect(attempt).toMatchObject({ code: 2, stdout: '' });
    expect(attempt.stderr).toMatch(/^line 2: no task is labelled `B`.*\npidns-lab: this error is in the attempt in standard input/);
    const goal = await runCli(['check', 'x.pidns'], { files: { 'x.pidns': 'goal: g\ninit fork as A\nsolution\n  B exit 0\nend' } });
    expect(goal.stderr).toMatch(/^line 4: .*\npidns-lab: this error is in the goal of x\.pidns \(its statements, then its solution block\)/);
    const parse = await runCli(['check', 'mine.pidns', '--solution', 'y.pidns'], { files: { ...files, 'y.pidns': 'goal: g\nhint: h\ninit frok\nsolution\n  init fork\nend' } });
    expect(parse).toMatchObject({ code: 2 });
    expect(parse.stderr).toMatch(/^line 3: unknown op `frok`.*\npidns-lab: this error is in y\.pidns\n$/);
  });
  it('exits 2 on usage errors', async () => {
    for (const argv of [['check'], ['check', 'a', 'b'], ['check', 'ex.pidns', '--solution'], ['check', '-', '--solution', '-'], ['check', 'ex.pidns', '--json']]) {
      const r = await runCli(argv, { files });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^pidns-lab: /);
    }
    expect((await runCli(['check', 'nope.pidns'], { files })).stderr).toContain('cannot read nope.pidns');
  });
  it('has its own help', async () => {
    const r = await runCli(['check', '--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Usage: pidns-lab check FILE [--solution OTHER]');
    expect((await runCli(['--help'])).stdout).toContain('pidns-lab check FILE [--solution OTHER]');
  });
});

describe('pidns-lab run on questions and exercises', () => {
  it('marks a question in --json and never changes the exit status', async () => {
    const r = await runCli(['run', '--json', '-'], { stdin: 'init fork as A => ?\nA getpid => 2' });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.steps[0]).toEqual({ line: 1, actor: 'init', op: 'fork', result: '2', expect: '?', pass: null, question: true });
    expect(doc.steps[1]).not.toHaveProperty('question');
    expect(doc).not.toHaveProperty('goal');
  });
  it('prints a question like any step, marked as a question', async () => {
    const r = await runCli(['run', '-'], { stdin: 'init getpid => ?' });
    expect(r.stdout).toMatch(/1 {2}init {2}getpid {2}=> 1 {2}question/);
    expect(r.code).toBe(0);
  });
  it('runs the attempt of an exercise only and says whether it reached the goal', async () => {
    const starter = JSON.parse((await runCli(['run', '--json', 'ex.pidns'], { files })).stdout);
    expect(starter).toMatchObject({ ok: true, goal: false });
    expect(starter.steps).toHaveLength(3);
    const solved = await runCli(['run', '--json', '-'], { stdin: `${files['mine.pidns']}solution\n  shell wait job\nend\n`.replace(/^/, 'goal: g\n') });
    expect(JSON.parse(solved.stdout)).toMatchObject({ ok: true, goal: true });
    const human = await runCli(['run', 'ex.pidns'], { files });
    expect(human).toMatchObject({ code: 0 });
    expect(human.stdout).toContain('goal not reached: ns0 has pid 3 (Z); the goal has no pid 3\n');
  });
  it('keeps the solution block in the share link', async () => {
    const r = await runCli(['url', 'ex.pidns'], { files });
    expect(r.code).toBe(0);
    const decoded = decodeFragment(r.stdout.trim());
    expect(decoded.ok && decoded.data.text).toBe(EXERCISE);
  });
});
