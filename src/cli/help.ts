/** Each command's synopsis: the one home of the usage lines (the main help, each command's help
 * and the usage errors). */
export const USAGE = {
  run: 'pidns-lab run FILE [--json] [--no-steps]',
  url: 'pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]\n                 [--base URL [--embed | --present]]',
  check: 'pidns-lab check FILE [--solution OTHER]',
  snapshot: 'pidns-lab snapshot [--pid PID] [--threads] [-o FILE]',
  verify: 'pidns-lab verify FILE',
} as const;

const WHAT_COLUMN = 45;

/** A line of the main help: the synopsis, then what it does in its column (below when it is long). */
function entry(usage: string, what: string[]): string {
  const last = usage.split('\n').at(-1) ?? '';
  const [first = '', ...more] = what;
  const head = last.length + 2 < WHAT_COLUMN - 2 ? `  ${usage.padEnd(usage.length + WHAT_COLUMN - 2 - last.length)}${first}` : `  ${usage}\n${' '.repeat(WHAT_COLUMN)}${first}`;
  return [head, ...more.map((line) => `${' '.repeat(WHAT_COLUMN)}${line}`)].join('\n');
}

/** The usage texts of `pidns-lab`. */
export const HELP = {
  main: `pidns-lab — a faithful sandbox for Linux PID namespaces

Usage:
${entry(USAGE.run, ['run a scenario (.pidns); FILE - reads standard input'])}
${entry(USAGE.url, ['print the share-link fragment (#v1.…) for a scenario,', 'or with --base the whole link'])}
${entry(USAGE.check, ['check an exercise attempt: "solved" or "not solved: …"'])}
${entry(USAGE.snapshot, ["this machine's pid namespaces (from /proc) as a scenario"])}
${entry(USAGE.verify, ['run a scenario on the engine and on this Linux, compared'])}
  pidns-lab --help | run --help | url --help | check --help | snapshot --help | verify --help

Exit status: 0 every expectation held (check: solved); 1 an expectation failed or a wait never
completed (check: not solved); 2 a scenario error (printed as "line N: message") or a usage error;
70 an internal error (a bug of pidns-lab: "internal error at line N: ...").
Questions (=> ?) never change the exit status.
The scenario language is described in docs/language.md.
`,
  run: `Usage: ${USAGE.run}

Runs the scenario in FILE (- reads standard input) on the kernel model and prints each step with
its result (a failed expectation is marked FAIL, a question (=> ?) is marked "question"), the
tree of pid namespaces, and one "ps -e -o pid,ppid,pgid,sid,stat,cmd" table per namespace.
For an exercise it runs the attempt (the statements outside the solution block) and says
whether that reached the goal; questions and the goal never change the exit status.

  --json       print the run as one JSON document instead (see docs/cli.md)
  --no-steps   leave the steps out (for very long runs)

Exit status: 0 every expectation held; 1 an expectation failed or a blocking wait never
completed; 2 a scenario error ("line N: message" on standard error) or a usage error; 70 an
internal error ("internal error at line N: ..."; the output shows the world of the step before).
`,
  url: `Usage: ${USAGE.url.replace('\n', '\n    ')}

Prints the share-link fragment for the scenario in FILE (- reads standard input). Append it to
the app's address to open that scenario; the options point the link at a step and a view.

  --base URL   print the whole link: the page's address URL (where pidns-lab is hosted, e.g.
               https://example.org/courses/os/pidns/) followed by the fragment
  --embed      the link of the read-only player for an <iframe> (URL?embed#…)
  --present    the link that opens straight into the presentation (URL?present#…)

A scenario with errors still gets its link (the page opens it on its errors), but the errors
are printed on standard error and the exit status is 2. The link keeps the whole text, an
exercise's solution block included.
`,
  check: `Usage: ${USAGE.check}

Runs the attempt in FILE (its statements outside any solution block; - reads standard input)
and the goal of the exercise (the statements of OTHER, then its solution block; FILE itself
without --solution), and compares the states they reach: the namespaces, and in each the ps
rows on pid, ppid, pgid, sid and stat. Expectations in the attempt do not count.

Prints "solved", or "not solved: " and the first difference, e.g.
  not solved: ns1 has no pid 3; the goal has pid 3 (S)

Exit status: 0 solved; 1 not solved; 2 a scenario error in either part ("line N: message" and
the part on standard error), or a usage error (FILE without a solution block and no --solution).
`,
  snapshot: `Usage: ${USAGE.snapshot}

Reads /proc and prints a scenario that rebuilds, in the engine, the pid namespaces and processes
that PID's pid namespace can see (default: the namespace this command runs in): every process
with its pid at every level, its parent, process group, session and command line. ns0 stands
for what lies outside; the snapshotted namespace is ns1. What the copy cannot show as the host
did is listed in "# note:" lines at the top.

  --pid PID    snapshot the pid namespace of process PID (as this command sees it)
  --threads    also rebuild every thread
  -o FILE      write the scenario into FILE instead of standard output

Exit status: 0; 2 when /proc cannot be read (not Linux, no such process, no permission).
`,
  verify: `Usage: ${USAGE.verify}

Runs the scenario in FILE (- reads standard input) on the engine and on this machine's Linux
kernel (a fresh pid and mount namespace, every task a real process or thread; needs root and a
C compiler) and compares every step's result, every ps row, every NSpid and every exit.
Prints "identical", or each difference: line, field, engine value, kernel value. Differences
the host imposes (its own namespace level above the scenario's ns0) are named as such.

Exit status: 0 identical (host-imposed differences allowed); 1 a difference; 2 a scenario
error; 3 this machine cannot run it (not Linux, not root, no cc, no pid namespaces).
`,
} as const;
