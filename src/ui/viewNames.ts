/**
 * The accessible names of the tree and the pid tables. The live view is the default; the goal
 * of an exercise draws the same components under its own names (`Goal tree`, `Goal processes
 * in ns1`), so the two never share a name.
 */
import { createContext } from 'react';

export interface ViewNames {
  tree: string;
  table(ns: string): string;
}

export const LIVE_NAMES: ViewNames = { tree: 'Namespace tree', table: (ns) => `Processes in ${ns}` };

export const ViewNamesContext = createContext<ViewNames>(LIVE_NAMES);
