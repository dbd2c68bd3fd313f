// The extension's side of the plan worker: one long-lived worker, started on the first request
// (never at activation), reused for every read and edit, stopped when a request passes its
// deadline (and started again on the next one) and when the extension is disposed. Requests go
// one at a time, so each deadline measures that request's own work. Transport-agnostic: it is
// given a way to start a worker by the entry that wires it (a worker thread in Node, a Web
// Worker in a browser). Each worker started is first sent the display language's translations,
// so its diagnostics and refusals read as the extension's own do.

import type { PlanEditStep } from '../model/domain/types';
import { ResultAssembler, type ResultHead } from '../model/planFile/resultTransfer';
import type { TranslationBundle } from '../model/localization';
import type { ParseResult, TextEdit } from '../model/planFile/types';
import type { PlanRequest, PlanResponse, StartWorker, WorkerLink } from '../worker/protocol';

/** How a request ended. `superseded`: a newer read of the same plan replaced it before it started. */
export type WorkerReply<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'superseded' };

export type WorkerEdit = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly result: ParseResult | undefined } | { readonly ok: false; readonly reason: string };

type RequestBody = { readonly kind: 'read'; readonly key: string; readonly text: string } | { readonly kind: 'edit'; readonly key: string; readonly text: string; readonly steps: readonly PlanEditStep[] };

interface Job {
  readonly body: RequestBody;
  readonly deadlineMs: number;
  readonly finish: (reply: WorkerReply<unknown>) => void;
}

interface Running {
  readonly job: Job;
  readonly id: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The edit's answer while its result's parts arrive. */
  edits?: readonly TextEdit[];
  assembler?: ResultAssembler;
}

export class PlanWorkerClient {
  private link: WorkerLink | undefined;
  private readonly queue: Job[] = [];
  private running: Running | undefined;
  private nextId = 1;
  private disposed = false;
  /** How many workers were started, and reads asked for (tests look). */
  private startCount = 0;
  private readCount = 0;

  /** `translations` gives the bundle each new worker is configured with (`vscode.l10n.bundle`; undefined in English). */
  constructor(
    private readonly startWorker: StartWorker,
    private readonly translations: () => TranslationBundle | undefined = () => undefined,
  ) {}

  /** Whether a worker is running now. */
  get isRunning(): boolean {
    return this.link !== undefined;
  }

  get starts(): number {
    return this.startCount;
  }

  get reads(): number {
    return this.readCount;
  }

  /** Reads `text` as the plan of `key`. A queued read of the same key that has not started is superseded. */
  read(key: string, text: string, deadlineMs: number): Promise<WorkerReply<ParseResult>> {
    for (const queued of this.queue.filter((job) => job.body.kind === 'read' && job.body.key === key)) {
      this.queue.splice(this.queue.indexOf(queued), 1);
      queued.finish({ kind: 'superseded' });
    }
    this.readCount++;
    return this.enqueue<ParseResult>({ kind: 'read', key, text }, deadlineMs);
  }

  /** Edits `text` (the plan of `key`) with `steps`; the reply holds the new text's reading. Never superseded. */
  edit(key: string, text: string, steps: readonly PlanEditStep[], deadlineMs: number): Promise<WorkerReply<WorkerEdit>> {
    return this.enqueue<WorkerEdit>({ kind: 'edit', key, text, steps }, deadlineMs);
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.stopWorker();
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.job.finish({ kind: 'failed', message: 'the extension is shutting down' });
    }
    for (const job of this.queue.splice(0)) {
      job.finish({ kind: 'failed', message: 'the extension is shutting down' });
    }
  }

  private enqueue<T>(body: RequestBody, deadlineMs: number): Promise<WorkerReply<T>> {
    return new Promise<WorkerReply<T>>((resolve) => {
      if (this.disposed) {
        resolve({ kind: 'failed', message: 'the extension is shutting down' });
        return;
      }
      this.queue.push({ body, deadlineMs, finish: resolve as (reply: WorkerReply<unknown>) => void });
      this.pump();
    });
  }

  /** Starts the next queued request when none is running. */
  private pump(): void {
    if (this.running || this.disposed) {
      return;
    }
    const job = this.queue.shift();
    if (!job) {
      return;
    }
    const link = this.ensureWorker();
    const running: Running = { job, id: this.nextId++, timer: undefined };
    this.running = running;
    running.timer = setTimeout(() => this.timedOut(running), job.deadlineMs);
    try {
      link.post({ ...job.body, id: running.id } as PlanRequest);
    } catch (error) {
      this.end(running, { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private ensureWorker(): WorkerLink {
    if (this.link) {
      return this.link;
    }
    const link = this.startWorker();
    this.startCount++;
    this.link = link;
    const translations = this.translations();
    if (translations !== undefined && Object.keys(translations).length > 0) {
      // Before any request: messages arrive in order, so every answer is already translated.
      link.post({ kind: 'configure', translations });
    }
    link.onMessage((message) => {
      if (this.link === link) {
        this.onResponse(message);
      }
    });
    link.onExit((reason) => {
      if (this.link !== link) {
        return; // One we stopped ourselves.
      }
      this.link = undefined;
      const running = this.running;
      if (running) {
        this.end(running, { kind: 'failed', message: reason });
      }
    });
    return link;
  }

  private stopWorker(): void {
    const link = this.link;
    this.link = undefined;
    link?.terminate();
  }

  private timedOut(running: Running): void {
    if (this.running !== running) {
      return;
    }
    // The only way to stop a parse that is still going; the next request starts a new worker.
    this.stopWorker();
    this.end(running, { kind: 'timed-out' });
  }

  private onResponse(message: PlanResponse): void {
    const running = this.running;
    if (!running || message.id !== running.id) {
      return;
    }
    switch (message.kind) {
      case 'failed':
        this.end(running, { kind: 'failed', message: message.message });
        return;
      case 'read':
        this.receiveHead(running, message.head, undefined);
        return;
      case 'edit':
        if (!message.answer.ok) {
          this.end(running, { kind: 'done', value: message.answer });
        } else {
          this.receiveHead(running, message.answer.head, message.answer.edits);
        }
        return;
      case 'part':
        running.assembler?.add(message.part);
        this.pullOrFinish(running);
        return;
    }
  }

  /** The answer arrived: the work is done, only its parts remain (no deadline for those). */
  private receiveHead(running: Running, head: ResultHead | undefined, edits: readonly TextEdit[] | undefined): void {
    clearTimeout(running.timer);
    running.timer = undefined;
    running.edits = edits;
    if (!head) {
      this.end(running, { kind: 'done', value: { ok: true, edits: edits ?? [], result: undefined } });
      return;
    }
    running.assembler = new ResultAssembler(head);
    this.pullOrFinish(running);
  }

  /** Asks for the next part after letting other work run, or finishes with the assembled result. */
  private pullOrFinish(running: Running): void {
    const assembler = running.assembler;
    if (!assembler) {
      return;
    }
    if (assembler.complete) {
      const result = assembler.result();
      this.end(running, { kind: 'done', value: running.job.body.kind === 'read' ? result : { ok: true, edits: running.edits ?? [], result } });
      return;
    }
    const index = assembler.received;
    // A macrotask between parts: whatever else the thread has to do runs between them.
    setTimeout(() => {
      if (this.running === running && this.link) {
        this.link.post({ kind: 'part', id: running.id, index });
      }
    }, 0);
  }

  private end(running: Running, reply: WorkerReply<unknown>): void {
    if (this.running !== running) {
      return;
    }
    clearTimeout(running.timer);
    this.running = undefined;
    running.job.finish(reply);
    this.pump();
  }
}
