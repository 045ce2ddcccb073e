/**
 * "Go to namespace", shown when the tree leaves namespaces out ("and K more namespaces"): a
 * namespace is reached by its name (`ns900`, or `900`) instead of page after page of "more".
 * The engine sends a chosen namespace with those above it, so it appears in the tree and its
 * table comes; one the picture of this step does not have is said so, and nothing is chosen.
 */
import { useState, type FormEvent } from 'react';
import { nsIdOf } from '../../store/slices/view.ts';
import { useStoreApi } from '../StoreContext.tsx';

export function GoToNamespace({ idPrefix }: { idPrefix: string }) {
  const store = useStoreApi();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');

  async function go(event: FormEvent): Promise<void> {
    event.preventDefault();
    const id = nsIdOf(name);
    if (id === null) {
      setProblem('Write a namespace’s name, like ns40.');
      return;
    }
    setProblem((await store.getState().goToNamespace(id)) ? '' : `No ns${id} at this step.`);
  }

  return (
    <form className="goto-ns" role="search" aria-label="Go to namespace" onSubmit={(e) => void go(e)}>
      <input
        id={`${idPrefix}goto-ns`} aria-label="Namespace to go to" placeholder="ns40" size={7} value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit">Go</button>
      <span className="goto-ns-problem" aria-live="polite">{problem}</span>
    </form>
  );
}
