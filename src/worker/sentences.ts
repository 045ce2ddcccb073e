/**
 * The event log's words: one plain sentence per kernel event, naming each task by its label and
 * its numbers, innermost namespace first — "B (pid 2 in ns1, 4 in ns0) was killed by SIGKILL:
 * ns1's init exited". Pure: it reads the world through `World`, never the kernel state itself.
 */
import type { KernelEvent, NsId, NsView, Ret, TaskId, TaskView } from '../kernel/index.ts';

export interface World {
  task(id: TaskId): TaskView;
  ns(id: NsId): NsView;
}

/** `label (pid 2 in ns1, 4 in ns0)`; a task only in ns0 is `label (pid 2)` */
export function nameTask(world: World, id: TaskId): string {
  const t = world.task(id);
  const names = nsChain(world, t.ns);
  const numbers = t.nspid.map((pid, level) => ({ pid, ns: names[level] ?? `level ${level}` })).reverse();
  if (numbers.length === 0) return t.label;
  if (numbers.length === 1) return `${t.label} (pid ${numbers[0]?.pid})`;
  return `${t.label} (pid ${numbers.map((n) => `${n.pid} in ${n.ns}`).join(', ')})`;
}

/** names of the namespaces from the root down to `ns` */
function nsChain(world: World, ns: NsId): string[] {
  const chain: string[] = [];
  for (let at: NsId | null = ns; at !== null; at = world.ns(at).parent) chain.unshift(world.ns(at).name);
  return chain;
}

const label = (world: World, id: TaskId) => world.task(id).label;
const nsName = (world: World, id: NsId) => world.ns(id).name;

export function retText(ret: Ret): string {
  switch (ret.kind) {
    case 'int': return String(ret.value);
    case 'errno': return ret.name;
    case 'list': return ret.values.join(' ');
    case 'none': return 'nothing';
    case 'blocked': return 'nothing yet (blocked)';
  }
}

const KILL_REASONS = {
  signal: '',
  'ns-teardown': ': its namespace\'s init exited',
  fault: ': a synchronous fault',
  reboot: ': reboot() in its namespace',
  pdeathsig: ': its parent-death signal',
  unblocked: ': the signal was unblocked',
} as const;

const DROP_REASONS = {
  'init-protected': 'a namespace init gets from inside only the signals it handles',
  ignored: 'it ignores that signal',
  'blocked-init': 'the init blocks it',
  'global-init': 'the root init is never killed by a signal it does not handle',
} as const;

export function sentence(world: World, e: KernelEvent): string {
  switch (e.type) {
    case 'task/created':
      return e.thread
        ? `${label(world, e.parent)} created thread ${nameTask(world, e.task)}`
        : `${label(world, e.parent)} forked ${nameTask(world, e.task)}`;
    case 'ns/created': return `${nsName(world, e.ns)} (level ${world.ns(e.ns).level}) was created by ${label(world, e.by)}`;
    case 'task/exited': return `${nameTask(world, e.task)} exited with code ${e.code}`;
    case 'task/killed': return `${nameTask(world, e.task)} was killed by SIG${e.sig}${killReason(world, e)}`;
    case 'task/zombie': return `${nameTask(world, e.task)} is a zombie until ${label(world, e.parent)} reaps it`;
    case 'task/reaped':
      return e.by === null ? `${nameTask(world, e.task)} was released at once (nobody waits for it)`
        : `${nameTask(world, e.task)} was reaped by ${label(world, e.by)}`;
    case 'task/reparented':
      return `${nameTask(world, e.task)} lost its parent ${label(world, e.from)} and was adopted by ${label(world, e.to)}`;
    case 'task/took-over':
      return `${nameTask(world, e.task)} exec'd and took over the pid of its thread-group leader ${label(world, e.from)}, which is gone`;
    case 'task/stopped': return `${nameTask(world, e.task)} was stopped by SIG${e.sig}`;
    case 'task/continued': return `${nameTask(world, e.task)} continued`;
    case 'signal/delivered':
      return e.handled ? `${label(world, e.task)} caught SIG${e.sig} in its handler` : `SIG${e.sig} was delivered to ${label(world, e.task)}`;
    case 'signal/dropped': return `SIG${e.sig} to ${label(world, e.task)} was dropped: ${DROP_REASONS[e.why]}`;
    case 'signal/pending': return `SIG${e.sig} is pending for ${label(world, e.task)} (blocked)`;
    case 'ns/zap-started':
      return `${nsName(world, e.ns)}'s init ${label(world, e.init)} exited: every other task in ${nsName(world, e.ns)} gets SIGKILL`;
    case 'ns/zap-waiting':
      return `${label(world, e.init)} waits for ${e.remaining} task${e.remaining === 1 ? '' : 's'} of ${nsName(world, e.ns)} to be reaped`;
    case 'ns/dead': return `${nsName(world, e.ns)} is dead: no pid is left in it`;
    case 'ns/reaper-changed': return `${label(world, e.task)} is now the child reaper of ${nsName(world, e.ns)}`;
    case 'wait/blocked': return `${label(world, e.task)} blocks in wait`;
    case 'wait/completed': return `${label(world, e.task)}'s wait returned ${retText(e.ret)}`;
  }
}

function killReason(world: World, e: Extract<KernelEvent, { type: 'task/killed' }>): string {
  if (e.reason === 'ns-teardown') return `: ${nsName(world, world.task(e.task).ns)}'s init exited`;
  return KILL_REASONS[e.reason];
}

/** the tasks an event is about, for highlighting (every one of these fields holds a TaskId) */
export function eventTasks(e: KernelEvent): TaskId[] {
  const fields = e as Partial<Record<'task' | 'parent' | 'by' | 'from' | 'to' | 'init', TaskId | null>>;
  return [fields.task, fields.parent, fields.by, fields.from, fields.to, fields.init]
    .filter((v): v is TaskId => typeof v === 'number');
}
