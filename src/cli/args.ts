/**
 * Command-line parsing for `pidns-lab`: argv to a command, or a usage error with the sentence
 * to print. Flags may come before or after the file; `-` is standard input.
 */
import { pageAddress, type PageModeName } from '../scenario/index.ts';
import { USAGE } from './help.ts';
import { parseSnapshot, parseVerify, type MachineCommand } from './machine-args.ts';

export type Command =
  | { kind: 'help'; topic: 'main' | 'run' | 'url' | 'check' | 'snapshot' | 'verify' }
  | MachineCommand
  | { kind: 'run'; file: string; json: boolean; steps: boolean }
  | { kind: 'check'; file: string; solution: string | null }
  | {
    kind: 'url'; file: string; step: number | null; task: string | null; viewAs: string | null; ns: string | null;
    /** the page's address: the whole link is printed, not only its fragment */
    base: string | null; mode: PageModeName | null;
  }
  | { kind: 'usage-error'; message: string };

const usageError = (message: string): Command => ({ kind: 'usage-error', message });

function takeFile(rest: readonly string[], command: 'run' | 'url' | 'check'): string | Command {
  const files = rest.filter((a) => a === '-' || !a.startsWith('-'));
  if (files.length === 0) return usageError(`${command} needs a scenario file (or - for standard input): ${USAGE[command]}`);
  if (files.length > 1) return usageError(`${command} takes one scenario file; got ${files.join(', ')}`);
  return files[0] as string;
}

function parseRun(rest: readonly string[]): Command {
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: 'run' };
  const unknown = rest.find((a) => a.startsWith('-') && a !== '-' && a !== '--json' && a !== '--no-steps');
  if (unknown !== undefined) return usageError(`unknown option ${unknown} for run; the options are --json and --no-steps`);
  const file = takeFile(rest, 'run');
  if (typeof file !== 'string') return file;
  return { kind: 'run', file, json: rest.includes('--json'), steps: !rest.includes('--no-steps') };
}

const URL_OPTIONS = ['--step', '--task', '--view-as', '--ns', '--base'] as const;
const URL_MODES = ['--embed', '--present'] as const;

function parseUrl(rest: readonly string[]): Command {
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: 'url' };
  const values = new Map<string, string>();
  const plain: string[] = [];
  const modes: PageModeName[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const a = rest[i] as string;
    if (!a.startsWith('--')) {
      plain.push(a);
      continue;
    }
    if ((URL_MODES as readonly string[]).includes(a)) {
      modes.push(a.slice(2) as PageModeName);
      continue;
    }
    if (!(URL_OPTIONS as readonly string[]).includes(a)) {
      return usageError(`unknown option ${a} for url; the options are ${[...URL_OPTIONS, ...URL_MODES].join(', ')}`);
    }
    const v = rest[i + 1];
    if (v === undefined) return usageError(`${a} needs a value`);
    values.set(a, v);
    i += 1;
  }
  const file = takeFile(plain, 'url');
  if (typeof file !== 'string') return file;
  const stepText = values.get('--step');
  const step = stepText === undefined ? null : /^[0-9]{1,9}$/.test(stepText) ? Number(stepText) : NaN;
  if (Number.isNaN(step)) return usageError(`--step takes a step number (0, 1, 2, …), not ${stepText}`);
  const base = values.get('--base') ?? null;
  const mode = modes[0] ?? null;
  const wrong = linkBaseProblem(base, modes);
  if (wrong !== null) return usageError(wrong);
  return {
    kind: 'url', file, step,
    task: values.get('--task') ?? null, viewAs: values.get('--view-as') ?? null, ns: values.get('--ns') ?? null,
    base, mode,
  };
}

/** why `--base` and the mode flags cannot make a link, or null */
function linkBaseProblem(base: string | null, modes: readonly PageModeName[]): string | null {
  if (modes.length > 1) return 'choose one of --embed and --present';
  if (base === null) return modes.length === 0 ? null : `--${modes[0]} needs --base URL (the page's address: the mode goes before the # of the link)`;
  try {
    pageAddress(base, null);
    return null;
  } catch {
    return `--base takes the page's whole address, such as https://example.org/courses/os/pidns/, not ${base}`;
  }
}

function parseCheck(rest: readonly string[]): Command {
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: 'check' };
  const at = rest.indexOf('--solution');
  const solution = at === -1 ? null : rest[at + 1];
  if (solution === undefined) return usageError('--solution needs the exercise file to take the goal from: --solution OTHER');
  const plain = at === -1 ? rest : [...rest.slice(0, at), ...rest.slice(at + 2)];
  const unknown = plain.find((a) => a.startsWith('-') && a !== '-');
  if (unknown !== undefined) return usageError(`unknown option ${unknown} for check; the option is --solution OTHER`);
  const file = takeFile(plain, 'check');
  if (typeof file !== 'string') return file;
  if (file === '-' && solution === '-') return usageError('only one of FILE and OTHER can be - (standard input)');
  return { kind: 'check', file, solution };
}

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { kind: 'help', topic: 'main' };
  if (command === 'run') return parseRun(rest);
  if (command === 'url') return parseUrl(rest);
  if (command === 'check') return parseCheck(rest);
  if (command === 'snapshot') return parseSnapshot(rest);
  if (command === 'verify') return parseVerify(rest);
  return usageError(`unknown command ${command}; the commands are run, url, check, snapshot and verify (see pidns-lab --help)`);
}
