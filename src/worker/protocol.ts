// The messages between the extension and the plan worker, and the two small interfaces a
// transport provides. Plain data only, so any transport carries them: Node's worker_threads
// (nodeWorkers.ts) and a browser's Web Worker (webWorkers.ts).

import type { PlanEditStep } from '../model/domain/types';
import type { TranslationBundle } from '../model/localization';
import type { ResultHead, ResultPart } from '../model/planFile/resultTransfer';
import type { TextEdit } from '../model/planFile/types';

/**
 * `key` names whose plan a text is (a workspace folder): the worker keeps its latest reading
 * per key, so an edit of the text it last read starts from that reading instead of parsing.
 */
export type PlanRequest =
  | { readonly kind: 'read'; readonly id: number; readonly key: string; readonly text: string }
  | { readonly kind: 'edit'; readonly id: number; readonly key: string; readonly text: string; readonly steps: readonly PlanEditStep[] }
  /** The next part of the result answered to request `id` (the extension pulls them one at a time). */
  | { readonly kind: 'part'; readonly id: number; readonly index: number };

/**
 * The translations of the model's messages (diagnostics, refusals), sent first to each worker
 * started when the display language has a bundle. Not a request: nothing answers it.
 */
export type ConfigureMessage = { readonly kind: 'configure'; readonly translations: TranslationBundle };

/** Everything the extension sends a worker. */
export type ToWorker = PlanRequest | ConfigureMessage;

/** An edit as the worker answers it: the edits and the head of the new text's reading (its parts follow on request). */
export type EditAnswer =
  | { readonly ok: true; readonly edits: readonly TextEdit[]; readonly head: ResultHead | undefined }
  | { readonly ok: false; readonly reason: string };

export type PlanResponse =
  | { readonly kind: 'read'; readonly id: number; readonly head: ResultHead }
  | { readonly kind: 'edit'; readonly id: number; readonly answer: EditAnswer }
  | { readonly kind: 'part'; readonly id: number; readonly index: number; readonly part: ResultPart }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** One side of a message channel: the worker's view of the extension (a Web Worker's `self`, Node's `parentPort`). */
export interface MessageEndpoint<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** The extension's handle on a running worker. */
export interface WorkerLink extends MessageEndpoint<PlanResponse, ToWorker> {
  /** Called once if the worker stops by itself (an error, running out of memory), with why. */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

/** Starts a worker (a transport's binding provides this). */
export type StartWorker = () => WorkerLink;
