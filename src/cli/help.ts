/** The usage texts of `pidns-lab`. */
export const HELP = {
  main: `pidns-lab — a faithful sandbox for Linux PID namespaces

Usage:
  pidns-lab run FILE [--json] [--no-steps]   run a scenario (.pidns); FILE - reads standard input
  pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]
                                             print the share-link fragment (#v1.…) for a scenario
  pidns-lab check FILE [--solution OTHER]    check an exercise attempt: "solved" or "not solved: …"
  pidns-lab --help | run --help | url --help | check --help

Exit status: 0 every expectation held (check: solved); 1 an expectation failed or a wait never
completed (check: not solved); 2 a scenario error (printed as "line N: message") or a usage error.
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
completed; 2 a scenario error ("line N: message" on standard error) or a usage error.
`,
  url: `Usage: pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]

Prints the share-link fragment for the scenario in FILE (- reads standard input). Append it to
the app's address to open that scenario; the options point the link at a step and a view.
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
} as const;
