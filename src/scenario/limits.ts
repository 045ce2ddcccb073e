/** The bounds every run respects, so that no text can make the engine hang or run out of memory. */

/** Largest scenario text, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Most statements one run executes (after repeat expansion). */
export const MAX_STEPS = 10_000_000;
/**
 * Most tasks one run creates (threads included; reaped ones still count, as the run's record
 * keeps them): about 1.2 GB of engine state, well inside Node's and a browser tab's heap.
 */
export const MAX_TASKS = 2_000_000;
/** The parser stops collecting diagnostics after this many. */
export const MAX_DIAGNOSTICS = 100;
/** The root namespace's pid_max and the kernel's bounds for it, as the kernel model has them. */
export { PID_MAX_DEFAULT as DEFAULT_PID_MAX, PID_MAX_LIMIT, PID_MAX_MIN } from '../kernel/index.ts';

/** UTF-8 length of `text` without TextEncoder (the scenario layer has no DOM or Node types). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}
