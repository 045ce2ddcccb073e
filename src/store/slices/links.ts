/**
 * Share links opened in the page. The engine decodes the fragment (a hostile link costs the
 * worker, never the page's thread); the text replaces the shown one safely, and the link's
 * tasks and namespace (by label and name) are matched once the scenario has run — by the engine,
 * which holds the run's labels (the page never holds a table as long as the world).
 */
import type { EngineClient, OpenedLink } from '../../protocol/index.ts';
import type { LinkState, PlayerState, RunState, SliceContext, TextState, ViewWish } from '../state.ts';
import { errorText } from '../../scenario/index.ts';
import { nsIdOf } from './view.ts';

type Ctx = SliceContext<LinkState & Pick<TextState, 'replaceText'> & Pick<RunState, 'loaded' | 'loadedText' | 'notice'> &
  Pick<PlayerState, 'seek'> & ViewWish>;

export function createLinkSlice(ctx: Ctx): LinkState {
  return {
    async openLink(fragment) {
      const { client } = ctx.deps;
      let link: OpenedLink;
      try {
        link = await client.open(fragment);
      } catch (error) {
        ctx.set({ notice: errorText(error) });
        return false;
      }
      ctx.set({ notice: null });
      const { loaded, loadedText } = ctx.get();
      if (loaded !== null && link.text === loadedText) {
        ctx.get().seek(link.step ?? 0);
        ctx.wantFrame(await findView(client, link.view));
        return true;
      }
      await ctx.get().replaceText(link.text, link.step ?? 'first', () => findView(client, link.view));
      return true;
    },
    encodeLink: (link) => ctx.deps.client.encodeLink(link),
  };
}

/** the link's view with its tasks and namespace found in the loaded run (null: not in it) */
export async function findView(client: Pick<EngineClient, 'findTasks'>, view: OpenedLink['view']): Promise<ViewWish> {
  const [selectedTask = null, viewer = null] = await client.findTasks([view.task, view.viewAs]);
  return { selectedTask, viewer, selectedNs: view.ns === null ? null : nsIdOf(view.ns) };
}
