// The browser binding of the plan worker, for vscode.dev and github.dev: the extension host is
// itself a web worker there, and the plan worker is a nested Web Worker. Like nodeWorkers.ts it
// knows its runtime and nothing else: no `vscode`, no Node built-in.

import type { MessageEndpoint, PlanResponse, ToWorker, WorkerLink } from './protocol';

/** The part of the browser's `Worker` this binding uses (the extension's lib has no DOM types). */
interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault(): void }) => void) | null;
}

interface WorkerScope {
  readonly Worker?: new (url: string, options?: { readonly name?: string }) => BrowserWorker;
  postMessage(message: unknown): void;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

/**
 * Starts the worker from its script's bytes. The bytes are read through the extension's file
 * system rather than fetched by URL: the extension may live on a remote or virtual file system
 * (`vscode-remote:`), from which VS Code's web extension host refuses to start workers, while a
 * `blob:` URL of the same origin always works. Messages posted before the script is loaded wait
 * in order; the link is usable at once, as the Node binding's is.
 */
export function startWebWorker(loadScript: () => PromiseLike<Uint8Array>): WorkerLink {
  let worker: BrowserWorker | undefined;
  let scriptUrl: string | undefined;
  let ended = false;
  const waiting: ToWorker[] = [];
  const messageListeners: ((message: PlanResponse) => void)[] = [];
  const exitListeners: ((reason: string) => void)[] = [];
  const release = (): void => {
    worker?.terminate();
    worker = undefined;
    if (scriptUrl !== undefined) {
      URL.revokeObjectURL(scriptUrl);
      scriptUrl = undefined;
    }
  };
  const exit = (reason: string): void => {
    if (!ended) {
      ended = true;
      release();
      exitListeners.forEach((listener) => listener(reason));
    }
  };
  const start = (bytes: Uint8Array): void => {
    const WorkerClass = scope.Worker;
    if (ended) {
      return;
    }
    if (!WorkerClass) {
      exit('this browser cannot start a worker from the extension host');
      return;
    }
    // The blob stays valid until the worker ends: VS Code's wrapper loads it asynchronously.
    scriptUrl = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    const started = new WorkerClass(scriptUrl, { name: 'genai-lifecycle-plan-reader' });
    worker = started;
    started.onmessage = (event) => messageListeners.forEach((listener) => listener(event.data as PlanResponse));
    started.onerror = (event) => {
      event.preventDefault();
      exit(event.message ? `the reader stopped: ${event.message}` : 'the reader stopped');
    };
    waiting.splice(0).forEach((message) => started.postMessage(message));
  };
  loadScript().then(start, (error: unknown) => exit(`the reader could not start: ${error instanceof Error ? error.message : String(error)}`));
  return {
    post: (message) => {
      if (worker) {
        worker.postMessage(message);
      } else if (!ended) {
        waiting.push(message);
      }
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    terminate: () => {
      ended = true; // Asked for: not an unexpected exit.
      release();
    },
  };
}

/** Inside the Web Worker: the channel to the extension host that started it. */
export function extensionEndpoint(): MessageEndpoint<ToWorker, PlanResponse> {
  return {
    post: (message) => scope.postMessage(message),
    onMessage: (listener) => {
      scope.onmessage = (event) => listener(event.data as ToWorker);
    },
  };
}
