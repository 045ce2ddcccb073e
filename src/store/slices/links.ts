/**
 * Share links opened in the page. The engine decodes the fragment (a hostile link costs the
 * worker, never the page's thread); the text replaces the shown one safely, and the link's
 * tasks and namespace (by label and name) are matched once the scenario has run.
 */
import { taskLabelled, type OpenedLink, type TaskLabels } from '../../protocol/index.ts';
import type { LinkState, PlayerState, RunState, SliceContext, TextState, ViewWish } from '../state.ts';
import { errorText } from '../../scenario/index.ts';

type Ctx = SliceContext<LinkState & Pick<TextState, 'replaceText'> & Pick<RunState, 'loaded' | 'loadedText' | 'notice'> &
  Pick<PlayerState, 'seek'> & ViewWish>;

export function createLinkSlice(ctx: Ctx): LinkState {
  return {
    async openLink(fragment) {
      let link: OpenedLink;
      try {
        link = await ctx.deps.client.open(fragment);
      } catch (error) {
        ctx.set({ notice: errorText(error) });
        return false;
      }
      ctx.set({ notice: null });
      const { loaded, loadedText } = ctx.get();
      if (loaded !== null && link.text === loadedText) {
        ctx.get().seek(link.step ?? 0);
        ctx.wantFrame(resolveView(link.view, loaded.labels));
        return true;
      }
      await ctx.get().replaceText(link.text, link.step ?? 'first', (l) => resolveView(link.view, l.labels));
      return true;
    },
  };
}

/** the link's view with its tasks and namespace found in this run (null: not in it) */
export function resolveView(view: OpenedLink['view'], labels: TaskLabels): ViewWish {
  const id = (label: string | null) => (label === null ? null : taskLabelled(labels, label));
  const ns = view.ns === null ? null : /^ns(\d+)$/.exec(view.ns)?.[1];
  return { selectedTask: id(view.task), viewer: id(view.viewAs), selectedNs: ns === undefined || ns === null ? null : Number(ns) };
}
