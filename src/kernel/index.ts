/**
 * The public surface of the kernel model. Everything outside src/kernel imports from here.
 *
 * State is plain data; `dispatch` runs one system call and mutates the state in place (keep a
 * `cloneKernelState` copy to go back). Views translate the state the way user space would see it.
 */
export * from './abi.ts';
export type { ExitStatus, NsStateName, NsView, PsRow, TaskStateName, TaskView } from './view.ts';
export type { KernelState } from './types.ts';
export { PID_MAX_DEFAULT, PID_MAX_LIMIT, PID_MAX_MIN, MAX_PID_NS_LEVEL } from './types.ts';
export { cloneKernelState, createKernelState } from './state.ts';
export { dispatch, type DispatchOptions } from './syscalls.ts';
export {
  actorProblem, fatalSignalPending, nsCount, nsParentOf, nspidOf, nsView, pidNrAs, psTable, realParentOf, taskActiveNs, taskCount,
  taskView, visibleNamespaces,
} from './describe.ts';
export { checkInvariants } from './invariants.ts';
export { sigName } from './sigset.ts';
