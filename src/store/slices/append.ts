/**
 * What the action buttons and the command line write: each appends one statement, but only
 * after the engine ran the new text without an error (a statement that would break the
 * scenario is refused with the reason, and the text stays as it was). The last appended
 * statement can be taken back while the text is still the one it made. New starts an empty
 * scenario through `replaceText`, which offers the visitor's own text back.
 */
import { appendStatement } from '../statements.ts';
import type { AppendState, PlayerState, RunState, SliceContext, TextState } from '../state.ts';
import type { PlayerControl } from './player.ts';

type Ctx = SliceContext<AppendState & Pick<TextState, 'text' | 'edits' | 'replaceText'> & Pick<RunState, 'load'> & Pick<PlayerState, 'playing'>>;

export function createAppendSlice(ctx: Ctx, player: PlayerControl): AppendState {
  // Actions run one after another: a second statement sent while the first is being tried must
  // be appended to the text the first made, never tried against the older text and dropped.
  let queue: Promise<void> = Promise.resolve();
  const append = async (statement: string): Promise<void> => {
    const before = ctx.get().text;
    const text = appendStatement(before, statement);
    const error = await ctx.deps.client.tryText(text);
    if (ctx.get().text !== before) return;
    if (error !== null) {
      ctx.set({ refused: refusal(statement, before, error) });
      return;
    }
    player.dropHeldPlay();
    ctx.set({ playing: false, text, edits: ctx.get().edits + 1, undoable: { before, after: text }, refused: null });
    await ctx.get().load(text, 'last');
  };
  return {
    undoable: null,
    refused: null,
    act(statement) {
      const run = queue.then(() => append(statement));
      queue = run.catch(() => undefined);
      return run;
    },
    async undo() {
      const { undoable, text } = ctx.get();
      if (undoable === null || undoable.after !== text) return;
      player.dropHeldPlay();
      ctx.set({ playing: false, text: undoable.before, edits: ctx.get().edits + 1, undoable: null, refused: null });
      await ctx.get().load(undoable.before, 'last');
    },
    async newScenario() {
      ctx.set({ undoable: null, refused: null });
      await ctx.get().replaceText('', 'first');
    },
  };
}

/** why a statement was not appended: it fails itself, or the text already stops before it */
export function refusal(statement: string, before: string, error: { line: number; message: string }): string {
  const lines = before.replace(/\s+$/, '').split('\n').length;
  if (before.trim() !== '' && error.line <= lines) {
    return `Not added: the scenario already stops at line ${error.line} (${error.message}). Fix that line first.`;
  }
  return `Not added: «${statement.trim()}» would stop the scenario: ${error.message}`;
}
