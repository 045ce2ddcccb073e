/**
 * An exercise is compared with Linux as its goal run: the statements outside the solution block
 * followed by the block's own (the state the page draws as the goal). The block's `solution` and
 * `end` lines become blank lines, so its statements run as ordinary ones and every line keeps
 * its number. A file that is not an exercise is returned as it is.
 */
import { parseScenario } from '../scenario/index.ts';

export function exerciseGoalText(text: string): string {
  const block = parseScenario(text).program?.solution ?? null;
  if (block === null) return text;
  const open = block.line - 1;
  const close = block.endLine - 1;
  return text.split('\n').map((line, i) => (i === open || i === close ? '' : line)).join('\n');
}
