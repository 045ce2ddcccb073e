/**
 * The engine's Web Worker entry: binds the transport-agnostic host to the worker's own message
 * port. `self` is typed through the narrow interface it is used by, not the WebWorker lib.
 */
import { createHost } from './host.ts';
import type { Reply } from '../protocol/index.ts';

interface WorkerScope {
  postMessage(message: Reply): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createHost((reply) => scope.postMessage(reply));
scope.onmessage = (event) => host.receive(event.data);
