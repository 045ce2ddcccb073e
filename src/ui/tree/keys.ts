/**
 * Moving through the tree with the keyboard. Namespaces keep their own line (↑ ↓ Home End go
 * from namespace to namespace, as before processes were listed); → enters a namespace's
 * processes, ↑ ↓ Home End move among them, ← goes back to the namespace. Items are found in the
 * DOM by their data attributes, so keys that come faster than React renders still land right.
 */
export type TreeKey = 'ArrowDown' | 'ArrowUp' | 'ArrowRight' | 'ArrowLeft' | 'Home' | 'End';

const NS_ITEM = '[data-ns-item]';
const CHILD_ITEM = '[data-child-item]';

export function isTreeKey(key: string): key is TreeKey {
  return ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(key);
}

/** the item the key moves to from `from` inside `tree`, or null when it stays */
export function nextItem(tree: Element, from: Element, key: TreeKey): Element | null {
  if (from.matches(NS_ITEM)) {
    if (key === 'ArrowRight') return from.querySelector(`:scope > [role="group"] > ${CHILD_ITEM}`);
    if (key === 'ArrowLeft') return null;
    return step(Array.from(tree.querySelectorAll(NS_ITEM)), from, key);
  }
  const owner = from.parentElement?.closest(NS_ITEM) ?? null;
  if (key === 'ArrowLeft') return owner;
  if (key === 'ArrowRight' || owner === null) return null;
  return step(Array.from(owner.querySelectorAll(`:scope > [role="group"] > ${CHILD_ITEM}`)), from, key);
}

function step(items: Element[], from: Element, key: TreeKey): Element | null {
  const at = items.indexOf(from);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[key as 'ArrowDown'] ?? at;
  return items[Math.max(0, Math.min(items.length - 1, to))] ?? null;
}
