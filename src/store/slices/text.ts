/**
 * The scenario text as the visitor writes it: typing re-runs it after a short pause, an action
 * appends its statement and shows the step after it. Only these count as the visitor's own
 * edits (autosave follows them); the text they replace can be offered back.
 */
import { appendStatement } from '../statements.ts';
import type { PlayerState, RunState, SliceContext, TextState } from '../state.ts';
import type { PlayerControl } from './player.ts';

type Ctx = SliceContext<TextState & Pick<RunState, 'load'> & Pick<PlayerState, 'playing'>>;

export function createTextSlice(ctx: Ctx, player: PlayerControl): TextState {
  let editTimer: ReturnType<typeof setTimeout> | null = null;
  return {
    text: '',
    edits: 0,
    restorable: null,
    edit(text) {
      ctx.set({ text, edits: ctx.get().edits + 1 });
      if (editTimer !== null) clearTimeout(editTimer);
      editTimer = setTimeout(() => {
        editTimer = null;
        void ctx.get().load(ctx.get().text, 'keep');
      }, ctx.deps.editDelayMs ?? 400);
    },
    async act(statement) {
      const text = appendStatement(ctx.get().text, statement);
      player.dropHeldPlay();
      ctx.set({ playing: false, text, edits: ctx.get().edits + 1 });
      await ctx.get().load(text, 'last');
    },
    offerRestore(text) {
      ctx.set({ restorable: text });
    },
  };
}
