/**
 * A deep copy of plain data (the kernel state: records, arrays, numbers, strings, booleans,
 * null), about twice as fast as `structuredClone` on a 32768-task state — the cost a checkpoint
 * and every backward seek pay. For each distinct set of keys it compiles one object-literal
 * builder, so every copy of a task gets the same hidden class. Anything that is not plain data
 * (a Map, a Date, a class instance) is refused rather than copied wrong.
 */

type Copier = (source: Record<string, unknown>, copy: (value: unknown) => unknown) => Record<string, unknown>;

const copiers = new Map<string, Copier>();

export function copyPlain<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new TypeError('copyPlain copies plain data only');
  const keys = Object.keys(value);
  const signature = keys.join('\u0000');
  let copier = copiers.get(signature);
  if (!copier) {
    copier = compile(keys);
    copiers.set(signature, copier);
  }
  return copier(value as Record<string, unknown>, copy);
}

function compile(keys: readonly string[]): Copier {
  const fields = keys.map((k) => `${JSON.stringify(k)}: c(o[${JSON.stringify(k)}])`).join(',');
  return new Function('o', 'c', `return {${fields}};`) as Copier;
}
