/**
 * The scenario text as the visitor writes it: typing re-runs it after a short pause (an action's
 * statement is appended by slices/append.ts). Only these count as the visitor's own
 * edits (autosave follows them). A text from outside replaces it only through `replaceText`,
 * which offers the visitor's own text back: no typed text is lost without an offer to restore it.
 */
import type { PlayerState, RunState, SliceContext, TextState, ViewState } from '../state.ts';
import { FOLDED } from './view.ts';

type Ctx = SliceContext<
  TextState & Pick<RunState, 'load'> & Pick<PlayerState, 'playing'> & Pick<ViewState, 'treeLimits' | 'nsLimits' | 'windows'>
>;

export function createTextSlice(ctx: Ctx): TextState {
  let editTimer: ReturnType<typeof setTimeout> | null = null;
  let editLoad: Promise<void> = Promise.resolve();
  // `edits` when the text on screen was last opened from outside: more means it is the visitor's work
  let editsAtOpen = 0;

  function ownWork(): string | null {
    const { text, edits } = ctx.get();
    return edits > editsAtOpen && text.trim() !== '' ? text : null;
  }

  function loadEdit(): void {
    editTimer = null;
    editLoad = ctx.get().load(ctx.get().text, 'keep');
  }

  return {
    text: '',
    edits: 0,
    restorable: null,
    restoreWhy: 'replaced',
    edit(text) {
      ctx.set({ text, edits: ctx.get().edits + 1 });
      if (editTimer !== null) clearTimeout(editTimer);
      editTimer = setTimeout(loadEdit, ctx.deps.editDelayMs ?? 400);
    },
    async settle() {
      if (editTimer !== null) {
        clearTimeout(editTimer);
        loadEdit();
      }
      await editLoad;
      await ctx.sync.shown();
    },
    async replaceText(text, step = 'first', view = {}) {
      if (editTimer !== null) clearTimeout(editTimer);
      editTimer = null;
      const own = ownWork();
      if (own !== null && own !== text) ctx.set({ restorable: own, restoreWhy: 'replaced' });
      editsAtOpen = ctx.get().edits;
      await ctx.get().load(text, step, view);
    },
    async restoreText() {
      const text = ctx.get().restorable;
      if (text === null) return;
      const own = ownWork();
      // the text it replaces may be the visitor's too: it becomes the one offered back
      ctx.set({
        text, edits: ctx.get().edits + 1, restorable: own !== null && own !== text ? own : null, restoreWhy: 'replaced',
        ...FOLDED,
      });
      await ctx.get().load(text, 'first');
    },
    offerRestore(text, why = 'replaced') {
      ctx.set({ restorable: text, restoreWhy: why });
    },
  };
}
