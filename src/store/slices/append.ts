/**
 * What the action buttons and the command line write: each appends one statement, but only
 * after the engine ran the new text without an error (a statement that would break the
 * scenario is refused with the reason, and the text stays as it was). Appended statements can
 * be taken back, the last first, while the text is still the one they made (typing breaks the
 * chain). New starts an empty scenario through `replaceText`, which offers the visitor's own text
 * back.
 */
import { appendStatement } from '../statements.ts';
import type { AppendState, PlayerState, RunState, SliceContext, TextState } from '../state.ts';
import type { PlayerControl } from './player.ts';

type Ctx = SliceContext<AppendState & Pick<TextState, 'text' | 'edits' | 'replaceText'> & Pick<RunState, 'load'> & Pick<PlayerState, 'playing'>>;

/** how many appended statements Undo can take back */
export const UNDO_DEPTH = 100;

/** Whether Undo can take a statement back: the top one made the text shown. */
export const canUndo = (s: Pick<AppendState, 'undoable'> & Pick<TextState, 'text'>): boolean => s.undoable.at(-1)?.after === s.text;

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
    // an edit in between broke the chain: what lies below can no longer be taken back
    const below = canUndo({ undoable: ctx.get().undoable, text: before }) ? ctx.get().undoable.slice(1 - UNDO_DEPTH) : [];
    ctx.set({ playing: false, text, edits: ctx.get().edits + 1, undoable: [...below, { before, after: text }], refused: null });
    await ctx.get().load(text, 'last');
  };
  return {
    undoable: [],
    refused: null,
    act(statement) {
      const run = queue.then(() => append(statement));
      queue = run.catch(() => undefined);
      return run;
    },
    async undo() {
      const s = ctx.get();
      const top = s.undoable.at(-1);
      if (top === undefined || !canUndo(s)) return;
      player.dropHeldPlay();
      ctx.set({ playing: false, text: top.before, edits: s.edits + 1, undoable: s.undoable.slice(0, -1), refused: null });
      await ctx.get().load(top.before, 'last');
    },
    async newScenario() {
      ctx.set({ undoable: [], refused: null });
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
