/**
 * What the CLI reads and writes, supplied by bin/pidns-lab.mjs (or a test): output streams and
 * scenario input read with a size check while reading — a stream is never read past the limit.
 */
import { MAX_TEXT_BYTES, utf8Length } from '../scenario/index.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** standard input, read until it ends or passes `limit` bytes (then at most `limit` bytes) */
  readStdin(limit: number): Promise<string>;
  /** the file, likewise read at most up to `limit` bytes */
  readFile(path: string, limit: number): Promise<string>;
}

/** a scenario's size limit, plus one byte to tell a text over it */
const READ_LIMIT = MAX_TEXT_BYTES + 1;

const named = (file: string): string => (file === '-' ? 'standard input' : file);

/** A scenario's text, or null after saying on stderr why it cannot be had (unreadable, too big). */
export async function readScenario(file: string, io: CliIo): Promise<string | null> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin(READ_LIMIT) : await io.readFile(file, READ_LIMIT);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    io.stderr(`pidns-lab: cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}\n`);
    return null;
  }
  if (utf8Length(text) <= MAX_TEXT_BYTES) return text;
  io.stderr(`pidns-lab: ${named(file)} is over 1 MiB (${MAX_TEXT_BYTES} bytes), the size limit of a scenario — split it into smaller scenarios\n`);
  return null;
}
