/**
 * The keys of a presentation, as presentation clickers and a keyboard send them: PageDown, →
 * and Space step forward, PageUp and ← step back, Home and End jump, Escape leaves (or first
 * hides the QR code, when it is shown), `q` shows or hides the QR code. While a question waits, a
 * step forward reveals its answer (the clicker asks the room, then shows what the kernel says);
 * `r` reveals too.
 */
export type PresenterAction = 'forward' | 'back' | 'first' | 'last' | 'leave' | 'qr' | 'reveal';

const KEYS: Record<string, PresenterAction> = {
  PageDown: 'forward', ArrowRight: 'forward', ' ': 'forward',
  PageUp: 'back', ArrowLeft: 'back',
  Home: 'first', End: 'last',
  Escape: 'leave',
  q: 'qr', Q: 'qr',
  r: 'reveal', R: 'reveal',
};

/** keys a field keeps for itself; PageDown, PageUp and Escape edit nothing, so a clicker works
 * even while the answer field has the focus */
const FIELD_KEEPS = new Set(['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'q', 'Q', 'r', 'R']);

export interface KeyInfo {
  key: string;
  inField: boolean;
  modified: boolean;
}

export interface Shown {
  /** a question waits for its answer */
  asking: boolean;
  qrShown: boolean;
}

/** what a key press does in the presentation, or null when it is not the presentation's */
export function presenterAction({ key, inField, modified }: KeyInfo, shown: Shown): PresenterAction | null {
  if (modified) return null;
  const action = KEYS[key] ?? null;
  if (action === null || (inField && FIELD_KEEPS.has(key))) return null;
  if (action === 'forward' && shown.asking) return 'reveal';
  return action === 'leave' && shown.qrShown ? 'qr' : action;
}
