/**
 * Acting on the world as the chosen task: fork, exit, kill (signal and target), wait, clone
 * NEWPID, unshare, setns, and a command line that takes any statement. Each action appends its
 * statement to the scenario text and shows the world after it, unless the statement would stop
 * the scenario on an error: then it is not appended and the reason is shown here.
 */
import { useState } from 'react';
import type { AppState } from '../../store/store.ts';
import { statementFor, type Action } from '../../store/statements.ts';
import { useApp, useStoreApi } from '../StoreContext.tsx';

const SIGNALS = ['TERM', 'KILL', 'INT', 'HUP', 'QUIT', 'USR1', 'USR2', 'CHLD', 'STOP', 'CONT', 'TSTP', 'ALRM', 'PIPE', '0'];
const selectActor = (s: AppState) => s.frame?.inspected?.label ?? null;
const selectRefused = (s: AppState) => s.refused;

export function Actions() {
  const actor = useApp(selectActor);
  const refused = useApp(selectRefused);
  const store = useStoreApi();
  const [sig, setSig] = useState('TERM');
  const [target, setTarget] = useState('');
  const [command, setCommand] = useState('');
  const run = (action: Action) => {
    if (actor !== null) void store.getState().act(statementFor(actor, action));
  };
  const needsTarget = target.trim() === '';
  return (
    <section className="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{actor === null ? 'Act' : `Act as ${actor}`}</h2>
      <div className="action-row" role="group" aria-label="Actions">
        <button type="button" disabled={actor === null} onClick={() => run({ op: 'fork' })}>fork</button>
        <button type="button" disabled={actor === null} onClick={() => run({ op: 'exit', code: 0 })}>exit</button>
        <button type="button" disabled={actor === null} onClick={() => run({ op: 'wait' })}>wait</button>
        <button type="button" disabled={actor === null} onClick={() => run({ op: 'clone-newpid' })}>clone NEWPID</button>
        {/* Written without the word "share" so that the page's Share button keeps a unique name. */}
        <button
          type="button" disabled={actor === null} onClick={() => run({ op: 'unshare' })}
          title="unshare NEWPID: the caller's next children start a new pid namespace"
        >
          NEWPID for children
        </button>
      </div>
      <div className="action-row">
        <label>Signal
          <select value={sig} onChange={(e) => setSig(e.currentTarget.value)}>
            {SIGNALS.map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label>Target
          <input value={target} onChange={(e) => setTarget(e.currentTarget.value)} placeholder="label or pid" size={9} />
        </label>
        <button type="button" disabled={actor === null || needsTarget} onClick={() => run({ op: 'kill', sig, target: target.trim() })}>kill</button>
        <button type="button" disabled={actor === null || needsTarget} onClick={() => run({ op: 'setns', target: target.trim() })}>setns</button>
      </div>
      <form
        className="action-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (command.trim() === '') return;
          // a refused command stays in the field, to be fixed
          void store.getState().act(command).then(() => {
            if (store.getState().refused === null) setCommand('');
          });
        }}
      >
        <label className="grow">Command
          <input value={command} onChange={(e) => setCommand(e.currentTarget.value)} placeholder={`${actor ?? 'init'} fork as child`} spellCheck={false} />
        </label>
        <button type="submit">Run</button>
      </form>
      <p className="refused" aria-live="polite">{refused ?? ''}</p>
    </section>
  );
}
