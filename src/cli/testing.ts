/** An in-memory `CliIo` for tests: files from a record, captured output. */
import { readFile } from 'node:fs/promises';
import { main, type CliIo } from './main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** At most `limit` bytes of `text`, as the real streams are read. */
const upTo = (text: string, limit: number): string => Buffer.from(text).subarray(0, limit).toString('utf8');

/** Runs `main` in-process; paths not in `files` are read from disk. */
export async function runCli(argv: string[], opts: { stdin?: string; files?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async (limit) => upTo(opts.stdin ?? '', limit),
    readFile: async (path, limit) => upTo(opts.files?.[path] ?? (await readFile(path, 'utf8')), limit),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
