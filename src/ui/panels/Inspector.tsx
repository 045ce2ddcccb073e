/**
 * The task inspector: the chosen task's number in every namespace that can see it (NSpid), its
 * parent as it sees it, state and exit status, active namespace and pid_ns_for_children,
 * signals, subreaper flag.
 */
import type { AppState } from '../../store/store.ts';
import type { Inspected } from '../../protocol/index.ts';
import { useApp } from '../StoreContext.tsx';

const selectInspected = (s: AppState) => s.frame?.inspected ?? null;

export function Inspector() {
  const task = useApp(selectInspected);
  return (
    <section className="panel inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading">{task ? `Task ${task.label}` : 'Task'}</h2>
      {task ? <Details task={task} /> : <p className="ns-dim">Choose a task in a table to inspect it and act as it.</p>}
    </section>
  );
}

function Details({ task }: { task: Inspected }) {
  const rows: [string, string][] = [
    ['NSpid', task.numbers.map((n) => `${n.pid} in ${n.ns}`).join(', ') || '—'],
    ['Parent', task.parentLabel === null ? 'none' : `${task.parentLabel} (sees it as ${task.ppidSeen === 0 ? '0: outside its namespace' : `pid ${task.ppidSeen}`})`],
    ['State', stateText(task)],
    ['Command', task.cmd],
    ['Namespace', `ns${task.ns}`],
    ['Children go to', `ns${task.childrenNs}`],
    ['/proc shows', `ns${task.procNs}`],
    ['Pending', task.pending.join(' ') || 'none'],
    ['Blocked', task.blocked.join(' ') || 'none'],
    ['Handled', task.handled.join(' ') || 'none'],
    ['Ignored', task.ignored.join(' ') || 'none'],
    ['Subreaper', task.subreaper ? 'yes' : 'no'],
    ['Reaps', task.reapAuto ? 'automatically' : 'when it waits'],
    ['uid', `${task.uid}${task.privileged ? ' (CAP_SYS_ADMIN)' : ''}`],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function stateText(task: Inspected): string {
  const exit = task.exit === null ? '' : 'code' in task.exit ? `, exit code ${task.exit.code}` : `, killed by SIG${task.exit.signal}`;
  const waiting = task.waiting ? ', blocked in wait' : '';
  return `${task.state}${waiting}${exit}${task.isThread ? ' (thread)' : ''}`;
}
