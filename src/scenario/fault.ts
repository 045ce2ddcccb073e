/** The message of anything thrown, for a sentence that names it. */
export function errorText(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/**
 * An exception thrown inside the engine while it ran one statement: a bug of pidns-lab, never a
 * scenario error. The interpreter throws it only after putting the world back exactly as it was
 * before that statement, so whoever shows the run shows its last good step.
 */
export class EngineFault extends Error {
  /** what the engine threw, as text */
  readonly detail: string;

  constructor(readonly line: number, thrown: unknown) {
    const detail = errorText(thrown);
    super(`internal error at line ${line}: ${detail}`, { cause: thrown });
    this.name = 'EngineFault';
    this.detail = detail;
  }
}
