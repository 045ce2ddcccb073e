/**
 * The shapes of what the page draws, as the worker sends them. The UI takes them from the store
 * (its only way to the engine), never from the worker's protocol directly.
 */
export type { Diagnostic, EventLine, Frame, Inspected, NsFrame, RowFrame, TableFrame } from '../worker/protocol.ts';
