/**
 * The accessible names (and element ids) of the tree and the pid tables. The live view is the
 * default; the goal of an exercise draws the same components under its own names (`Goal tree`,
 * `Goal processes in ns1`, `Goal namespaces`), so the two never share a name or an id. The goal
 * is still: it has no zoom, no view switches and nothing to inspect.
 */
import { createContext } from 'react';

export interface ViewNames {
  tree: string;
  table(ns: string): string;
  /** the headings of the two panels */
  namespaces: string;
  tables: string;
  /** the panels are landmarks named by their headings (the goal's sit inside the Goal region) */
  landmarks: boolean;
  /** prefixes the ids of the panels' elements */
  ids: string;
  /** zoom, view switches and Inspect: the live view only */
  interactive: boolean;
}

export const LIVE_NAMES: ViewNames = {
  tree: 'Namespace tree', table: (ns) => `Processes in ${ns}`, namespaces: 'Namespaces', tables: 'Pid tables', landmarks: true, ids: '',
  interactive: true,
};

export const ViewNamesContext = createContext<ViewNames>(LIVE_NAMES);
