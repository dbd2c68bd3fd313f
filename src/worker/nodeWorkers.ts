// The Node binding of the plan worker: the only file that knows worker_threads. The extension
// side starts a worker from a script (startNodeWorker); the worker side talks to the extension
// through its parent port (hostEndpoint).

import { setPriority } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import type { MessageEndpoint, PlanResponse, ToWorker, WorkerLink } from './protocol';

/**
 * The worker's heap limit. Reading the worst 2 MB texts took up to 1 GB of heap (deep flow
 * nesting); past this the worker stops with a clear diagnostic instead of growing the
 * extension host's process further.
 */
const WORKER_HEAP_MB = 1024;

/** Starts the worker script at `scriptPath` (dist/planWorker.js) as a thread of this process. */
export function startNodeWorker(scriptPath: string): WorkerLink {
  const worker = new Worker(scriptPath, { name: 'genai-lifecycle-plan-reader', resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  // An idle worker never keeps the process alive; the extension ends it on dispose anyway.
  worker.unref();
  let exited = false;
  const exitListeners: ((reason: string) => void)[] = [];
  const exit = (reason: string): void => {
    if (!exited) {
      exited = true;
      exitListeners.forEach((listener) => listener(reason));
    }
  };
  worker.on('error', (error: Error) => exit(error.message));
  worker.on('exit', (code: number) => exit(`the reader stopped (exit code ${code})`));
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    terminate: () => {
      exited = true; // Asked for: not an unexpected exit.
      void worker.terminate();
    },
  };
}

/**
 * The worker thread's niceness on Linux: where cores are scarce (2 shared ones), a long read
 * yields the CPU to the extension host's own thread rather than competing with it.
 */
const WORKER_NICENESS = 10;

/** Inside the worker: the channel to the extension that started it. */
export function hostEndpoint(): MessageEndpoint<ToWorker, PlanResponse> {
  const port = parentPort;
  if (!port) {
    throw new Error('the plan worker must run as a worker thread');
  }
  if (process.platform === 'linux') {
    // On Linux a nice value belongs to the calling thread (elsewhere it is the whole process's,
    // the extension host's too, so it is left alone there).
    try {
      setPriority(0, WORKER_NICENESS);
    } catch {
      // Not allowed here: the worker runs at the host's priority.
    }
  }
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
  };
}
