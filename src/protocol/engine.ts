/**
 * What the page may ask of the engine, whatever carries the messages: src/worker/client.ts
 * implements it over a Web Worker; the store depends on this interface only.
 */
import type { TaskId } from '../kernel/index.ts';
import type { Frame, Loaded, OpenedLink, ShowParams } from './messages.ts';

export interface EngineClient {
  /** `onProgress` hears how many steps a long run has made so far */
  load(text: string, onProgress?: (steps: number) => void): Promise<Loaded>;
  show(params: ShowParams): Promise<Frame>;
  /** the error running `text` would stop at, or null; the loaded scenario stays */
  tryText(text: string): Promise<{ line: number; message: string } | null>;
  /** reads a share link's fragment; rejects with the sentence to show when it cannot */
  open(fragment: string): Promise<OpenedLink>;
  /** the share link's fragment for `link` (the same as the page's own encoder gives) */
  encodeLink(link: OpenedLink): Promise<string>;
  /** the loaded run's task with each label (null: none, or no label asked) */
  findTasks(labels: (string | null)[]): Promise<(TaskId | null)[]>;
  /** called with a message after the engine crashed and was restarted */
  onCrash(listener: (message: string) => void): void;
  dispose(): void;
}
