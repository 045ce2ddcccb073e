/**
 * Who looks and what is chosen: the viewer ("View as"), the inspected and hovered task, the
 * chosen namespace, and the window of rows each table wants. A change that alters the picture
 * asks the engine for a frame; hovering and choosing a namespace are drawn by the page alone.
 */
import { TREE_NAMESPACES, TREE_PROCESSES } from '../../protocol/index.ts';
import type { NsId } from '../../kernel/index.ts';
import type { FrameState, SliceContext, ViewState } from '../state.ts';

/** how many more processes the tree lists each time the visitor asks */
export const MORE_PROCESSES = 100;
/** how many more namespaces below one the tree lists each time the visitor asks */
export const MORE_NAMESPACES = 20;

/** Nothing unfolded in the tree or scrolled in the tables. Namespace ids name other namespaces in
 * another text, so a text that replaces the one shown starts from this; an edit keeps the view. */
export const FOLDED: Pick<ViewState, 'treeLimits' | 'nsLimits' | 'windows'> = {
  treeLimits: Object.freeze({}), nsLimits: Object.freeze({}), windows: Object.freeze({}),
};

/** A namespace's name, as the page and its links write it. */
export const nsName = (id: NsId): string => `ns${id}`;

/** The namespace a name stands for: `ns40`, or `40` as a visitor may type it; null for anything else. */
export function nsIdOf(name: string): NsId | null {
  const digits = /^\s*(?:ns)?(\d{1,9})\s*$/i.exec(name)?.[1];
  return digits === undefined ? null : Number(digits);
}

export function createViewSlice(ctx: SliceContext<ViewState & FrameState>): ViewState {
  return {
    viewer: null,
    selectedTask: null,
    selectedNs: null,
    hoveredTask: null,
    ...FOLDED,
    taskQuery: '',
    setViewer(viewer) {
      ctx.wantFrame({ viewer, selectedNs: null });
    },
    findTasks(query) {
      ctx.wantFrame({ taskQuery: query });
    },
    selectTask(task) {
      ctx.wantFrame({ selectedTask: task });
    },
    selectNs(ns) {
      // a namespace outside the frame's window (found by "more namespaces") needs the engine
      const carried = ns === null || (ctx.get().frame?.tables ?? []).some((t) => t.ns === ns);
      if (carried) ctx.set({ selectedNs: ns });
      else ctx.wantFrame({ selectedNs: ns });
    },
    async goToNamespace(ns) {
      ctx.get().selectNs(ns);
      await ctx.sync.shown();
      const shown = ctx.get().frame?.namespaces.some((n) => n.id === ns) ?? false;
      // not in this world at this step (for this viewer): nothing is chosen, rather than all dimmed
      if (!shown && ctx.get().selectedNs === ns) ctx.get().selectNs(null);
      return shown;
    },
    hoverTask(task) {
      ctx.set({ hoveredTask: task });
    },
    showMoreProcesses(ns) {
      const limits = ctx.get().treeLimits;
      ctx.wantFrame({ treeLimits: { ...limits, [ns]: (limits[ns] ?? TREE_PROCESSES) + MORE_PROCESSES } });
    },
    showMoreNamespaces(ns) {
      const limits = ctx.get().nsLimits;
      ctx.wantFrame({ nsLimits: { ...limits, [ns]: (limits[ns] ?? TREE_NAMESPACES) + MORE_NAMESPACES } });
    },
    setWindow(window) {
      const old = ctx.get().windows[window.ns];
      if (old && old.start === window.start && old.count === window.count) return;
      ctx.wantFrame({ windows: { ...ctx.get().windows, [window.ns]: window } });
    },
  };
}
