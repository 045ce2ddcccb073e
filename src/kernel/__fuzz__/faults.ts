/**
 * Test-only bugs in the kernel's change_pid (pgrp.ts), switched on and off by the tests that
 * install them with vi.mock('…/kernel/pgrp.ts', …):
 * - `throws`: throws right after moving a task's session link, before setsid moves its group
 *   link — an exception in the middle of a call, once;
 * - `leaks`: takes the new struct pid but never drops the old one (an invariant breaks).
 */
import type * as Pgrp from '../pgrp.ts';
import type * as Pid from '../pid.ts';

export const fault = { kind: null as 'throws' | 'leaks' | null };

/** pgrp.ts with its change_pid replaced by one that obeys `fault`. */
export function faultyPgrp(pgrp: typeof Pgrp, pid: typeof Pid): typeof Pgrp {
  return {
    ...pgrp,
    changePid: (...args: Parameters<typeof pgrp.changePid>) => {
      const [ctx, p, type, to] = args;
      if (fault.kind !== 'leaks') pgrp.changePid(...args);
      else if (ctx.s.tasks[type][p] !== to) {
        pid.getPid(ctx, to);
        ctx.s.tasks[type][p] = to;
      }
      if (fault.kind === 'throws' && type === 'session') {
        fault.kind = null;
        throw new Error('boom');
      }
    },
  };
}
