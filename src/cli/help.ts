/** The usage texts of `pidns-lab`. */
export const HELP = {
  main: `pidns-lab — a faithful sandbox for Linux PID namespaces

Usage:
  pidns-lab run FILE [--json] [--no-steps]   run a scenario (.pidns); FILE - reads standard input
  pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]
                                             print the share-link fragment (#v1.…) for a scenario
  pidns-lab --help | run --help | url --help

Exit status: 0 every expectation held; 1 an expectation failed or a wait never completed;
2 a scenario error (printed as "line N: message") or a usage error.
The scenario language is described in docs/language.md.
`,
  run: `Usage: pidns-lab run FILE [--json] [--no-steps]

Runs the scenario in FILE (- reads standard input) on the kernel model and prints each step with
its result (a failed expectation is marked FAIL), the tree of pid namespaces, and one
"ps -e -o pid,ppid,pgid,sid,stat,cmd" table per namespace.

  --json       print the run as one JSON document instead (see docs/cli.md)
  --no-steps   leave the steps out (for very long runs)

Exit status: 0 every expectation held; 1 an expectation failed or a blocking wait never
completed; 2 a scenario error ("line N: message" on standard error) or a usage error.
`,
  url: `Usage: pidns-lab url FILE [--step N] [--task LABEL] [--view-as LABEL] [--ns NAME]

Prints the share-link fragment for the scenario in FILE (- reads standard input). Append it to
the app's address to open that scenario; the options point the link at a step and a view.
A scenario with errors still gets its link (the page opens it on its errors), but the errors
are printed on standard error and the exit status is 2.
`,
} as const;
