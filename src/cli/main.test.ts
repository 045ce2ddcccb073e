import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFragment } from '../scenario/index.ts';
import { runCli } from './testing.ts';

const GOOD = 'title: T\ninit fork as A cmd "sleep 9" => 2\nA getpid => 2\n';

describe('pidns-lab run', () => {
  it('prints steps, the namespace tree and ps tables, and exits 0', async () => {
    const r = await runCli(['run', 'good.pidns'], { files: { 'good.pidns': GOOD } });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('T\n');
    expect(r.stdout).toMatch(/2 {2}init {2}fork as A {2}=> 2 {2}ok/);
    expect(r.stdout).toContain('2 steps, 2 expectations held');
    expect(r.stdout).toContain('ns0  level 0  active  init: init (pid 1)  2 live, 0 zombies');
    expect(r.stdout).toContain('  PID  PPID  PGID   SID STAT CMD\n    1     0     1     1 S    /sbin/init  # init\n    2     1     1     1 S    sleep 9     # A');
  });
  it('draws nested namespaces as a tree', async () => {
    const text = 'init fork as H\nH clone NEWPID as X\nX clone NEWPID as Y\nX clone NEWPID as Z\nH clone NEWPID as W';
    const { stdout } = await runCli(['run', '-'], { stdin: text });
    const tree = stdout.split('\n').filter((l) => /ns\d  level/.test(l)).map((l) => l.replace(/ {2}level.*/, ''));
    expect(tree).toEqual(['ns0', '|-- ns1', '|   |-- ns2', '|   `-- ns3', '`-- ns4']);
  });
  it('describes dying and dead namespaces', async () => {
    const text = 'init fork as H\nH clone NEWPID as X\nX fork as Y\nH clone NEWPID as Z\nZ exit 0\nX exit 0';
    const { stdout } = await runCli(['run', '-'], { stdin: text });
    expect(stdout).toContain('|-- ns1  level 1  dying  init: X (pid 1; 3 in ns0, zombie)  0 live, 1 zombie');
    expect(stdout).toContain('`-- ns2  level 1  dying  init: Z (pid 1; 5 in ns0, zombie)  0 live, 1 zombie');
    expect(stdout).toContain('6 steps, no expectations\n');
    const reaped = await runCli(['run', '-'], { stdin: `${text}\nH wait Z` });
    expect(reaped.stdout).toContain('`-- ns2  level 1  dead  init: Z (reaped)  0 live, 0 zombies');
  });
  it('marks failed expectations and exits 1', async () => {
    const r = await runCli(['run', '-'], { stdin: 'init getpid => 2\ninit getpid => 1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/getpid {2}=> 1 {2}FAIL {2}\(expected 2\)/);
    expect(r.stdout).toContain('1 of 2 expectations FAILED');
  });
  it('exits 1 when a wait never completes', async () => {
    const r = await runCli(['run', '-'], { stdin: 'init fork as A\nA fork\nA wait' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(blocked)  FAIL  (the wait never completed)');
  });
  it('exits 2 with line N: message on a syntax error', async () => {
    const r = await runCli(['run', '-'], { stdin: 'init fork\ninit frok' });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^line 2: unknown op `frok`/);
  });
  it('exits 2 on a scenario error mid-run, after printing the state reached', async () => {
    const r = await runCli(['run', '-'], { stdin: 'init fork as A\nA exit 0\nA getpid' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('line 3: `A` cannot act: it has exited\n');
    expect(r.stdout).toContain('ns0: ps -e');
  });
  it('prints the JSON document', async () => {
    const r = await runCli(['run', '--json', '-'], { stdin: GOOD });
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['ok', 'error', 'steps', 'namespaces', 'tasks']);
    expect(doc).toMatchObject({
      ok: true, error: null,
      steps: [{ line: 2, actor: 'init', op: 'fork', result: '2', expect: '2', pass: true }, { line: 3 }],
      namespaces: [{ name: 'ns0', level: 0, parent: null, state: 'active', ps: [{ pid: 1, label: 'init' }, { pid: 2, cmd: 'sleep 9', label: 'A' }] }],
      tasks: [{ label: 'init', ns: 'ns0', nspid: [1], state: 'alive', exit: null }, { label: 'A' }],
    });
  });
  it('puts a scenario error in the JSON and exits 2', async () => {
    const r = await runCli(['run', '-', '--json'], { stdin: 'init fork as A\nB getpid' });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { line: 2, message: expect.stringContaining('`B`') } });
  });
  it('prints a JSON document for a syntax error too, with the first diagnostic', async () => {
    const r = await runCli(['run', '--json', '-'], { stdin: 'init fork\ninit frok' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^line 2: /);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { line: 2 }, steps: [], tasks: [{ label: 'init' }] });
  });
  it('leaves steps out with --no-steps', async () => {
    const json = await runCli(['run', '-', '--json', '--no-steps'], { stdin: GOOD });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, steps: [] });
    const text = await runCli(['run', '--no-steps', '-'], { stdin: GOOD });
    expect(text.stdout).not.toContain('fork as A');
  });
  it('gives byte-identical JSON for the same text', async () => {
    const a = await runCli(['run', '--json', '-'], { stdin: GOOD });
    const b = await runCli(['run', '--json', '-'], { stdin: GOOD });
    expect(a.stdout).toBe(b.stdout);
  });
  it('reports an unreadable file with exit 2', async () => {
    const r = await runCli(['run', '/nonexistent/x.pidns']);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read /nonexistent/x.pidns (ENOENT)') });
  });
});

describe('pidns-lab url', () => {
  it('prints a fragment that decodes to the text and view', async () => {
    const r = await runCli(['url', '-', '--step', '2', '--task', 'A', '--ns', 'ns0'], { stdin: GOOD });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#v1\.[zp]\S+\n$/);
    expect(decodeFragment(r.stdout.trim())).toEqual({ ok: true, data: { text: GOOD, step: 2, view: { task: 'A', viewAs: null, ns: 'ns0' } } });
  });
  it('still prints the link of a scenario with errors (as the page would), with status 2', async () => {
    const r = await runCli(['url', '-'], { stdin: 'init frok' });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^line 1: /) });
    expect(decodeFragment(r.stdout.trim())).toMatchObject({ ok: true, data: { text: 'init frok' } });
  });
});

describe('usage', () => {
  it('prints help with exit 0', async () => {
    for (const argv of [['--help'], [], ['run', '--help'], ['url', '--help']]) {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^(Usage|pidns-lab)/);
    }
  });
  it('exits 2 on usage errors', async () => {
    for (const argv of [['frobnicate'], ['run'], ['run', 'a', 'b'], ['run', '--yaml', 'a'], ['url', '-', '--step', 'x'], ['url', '-', '--step']]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^pidns-lab: /);
    }
  });
  it('answers any argv with 0, 1 or 2', async () => {
    const word = fc.oneof(fc.constantFrom('run', 'url', '-', '--json', '--no-steps', '--step', '--task', '--help', 'x.pidns'), fc.string({ maxLength: 6 }));
    await fc.assert(fc.asyncProperty(fc.array(word, { maxLength: 5 }), async (argv) => {
      const r = await runCli(argv, { stdin: GOOD, files: { 'x.pidns': GOOD } });
      expect([0, 1, 2]).toContain(r.code);
    }), { numRuns: 200 });
  });
});
