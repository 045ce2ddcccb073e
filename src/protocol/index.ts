/**
 * The page↔engine contract, in one leaf module: the messages, the shapes a frame carries, the
 * one shape of a step, and the client interface. It imports nothing but kernel types, so both
 * sides (src/worker, src/store) and the UI can depend on it without depending on each other.
 */
export type { EngineClient } from './engine.ts';
export type { ExerciseEngine } from './exercise.ts';
export type { CheckVerdict, ExerciseRead, ExerciseView } from './messages.ts';
export {
  FRAME_NAMESPACES, FRAME_TABLES, LIVE_SHOWN, PROTOCOL_VERSION, TREE_NAMESPACES, TREE_PROCESSES, isReply, isRequest, type LiveList, type OpenedLink,
  type ActFrame, type TreeProcess,
  type Diagnostic, type EventLine, type Frame, type Inspected, type LiveTask, type Loaded, type NsFrame,
  type Reply, type Request, type RequestBody, type RowFrame, type ShowParams, type TableFrame, type TableWindow, type TaskLabel,
} from './messages.ts';
export type { Step } from './step.ts';
