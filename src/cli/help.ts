/** The usage texts of `pidns-lab`. */
export const HELP = {
  main: `pidns-lab — a faithful sandbox for Linux PID namespaces

Usage:
  pidns-lab run FILE [--json] [--no-steps]   run a scenario (.pidns); FILE - reads standard input
  pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]
                 [--base URL [--embed | --present]]
                                             print the share-link fragment (#v1.…) for a scenario,
                                             or with --base the whole link
  pidns-lab check FILE [--solution OTHER]    check an exercise attempt: "solved" or "not solved: …"
  pidns-lab snapshot [--pid PID] [--threads] [-o FILE]
                                             this machine's pid namespaces (from /proc) as a scenario
  pidns-lab verify FILE                      run a scenario on the engine and on this Linux, compared
  pidns-lab --help | run --help | url --help | check --help | snapshot --help | verify --help

Exit status: 0 every expectation held (check: solved); 1 an expectation failed or a wait never
completed (check: not solved); 2 a scenario error (printed as "line N: message") or a usage error;
70 an internal error (a bug of pidns-lab: "internal error at line N: ...").
Questions (=> ?) never change the exit status.
The scenario language is described in docs/language.md.
`,
  run: `Usage: pidns-lab run FILE [--json] [--no-steps]

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
  url: `Usage: pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]
                     [--base URL [--embed | --present]]

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
  check: `Usage: pidns-lab check FILE [--solution OTHER]

Runs the attempt in FILE (its statements outside any solution block; - reads standard input)
and the goal of the exercise (the statements of OTHER, then its solution block; FILE itself
without --solution), and compares the states they reach: the namespaces, and in each the ps
rows on pid, ppid, pgid, sid and stat. Expectations in the attempt do not count.

Prints "solved", or "not solved: " and the first difference, e.g.
  not solved: ns1 has no pid 3; the goal has pid 3 (S)

Exit status: 0 solved; 1 not solved; 2 a scenario error in either part ("line N: message" and
the part on standard error), or a usage error (FILE without a solution block and no --solution).
`,
  snapshot: `Usage: pidns-lab snapshot [--pid PID] [--threads] [-o FILE]

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
  verify: `Usage: pidns-lab verify FILE

Runs the scenario in FILE (- reads standard input) on the engine and on this machine's Linux
kernel (a fresh pid and mount namespace, every task a real process or thread; needs root and a
C compiler) and compares every step's result, every ps row, every NSpid and every exit.
Prints "identical", or each difference: line, field, engine value, kernel value. Differences
the host imposes (its own namespace level above the scenario's ns0) are named as such.

Exit status: 0 identical (host-imposed differences allowed); 1 a difference; 2 a scenario
error; 3 this machine cannot run it (not Linux, not root, no cc, no pid namespaces).
`,
} as const;
