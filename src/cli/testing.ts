/** An in-memory `CliIo` for tests: files from a record, captured output. */
import { readFile } from 'node:fs/promises';
import { main, type CliIo } from './main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main` in-process; paths not in `files` are read from disk. */
export async function runCli(argv: string[], opts: { stdin?: string; files?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => opts.stdin ?? '',
    readFile: async (path) => opts.files?.[path] ?? readFile(path, 'utf8'),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
