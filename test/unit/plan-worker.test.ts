// The plan worker and the extension's side of it: the service's answers (kept readings, parts),
// the client's queue, deadline, restart and disposal over a fake transport, the engine's choice
// of thread, and one real worker_threads worker running the compiled entry.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { PlanEditStep } from '../../src/model/domain/types';
import { IN_THREAD_MAX_CHARS } from '../../src/model/planFile/offThread';
import { parse } from '../../src/model/planFile/parse';
import { ResultAssembler } from '../../src/model/planFile/resultTransfer';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { startNodeWorker } from '../../src/worker/nodeWorkers';
import { PlanService } from '../../src/worker/planService';
import type { PlanRequest, PlanResponse, WorkerLink } from '../../src/worker/protocol';
import { PlanEngine } from '../../src/workspace/planEngine';
import { PlanWorkerClient } from '../../src/workspace/planWorkerClient';
import { countParses, lines } from './helpers';

/** A plan of `stages` custom stages with two tasks each: over the in-thread threshold from about 30 stages. */
function planOf(stages: number, firstStatus = 'not-started'): string {
  const body = ['version: 1', 'stages:'];
  for (let stage = 0; stage < stages; stage++) {
    body.push(`  - id: s${stage}`, `    title: Stage ${stage} # keep me`, `    status: ${stage === 0 ? firstStatus : 'not-started'}`, '    tasks:', '      - title: a', '      - {title: b, done: true}');
  }
  return lines(...body);
}

const BIG = planOf(120);
const START_S1: PlanEditStep[] = [{ stageId: 's1', change: { kind: 'status', status: 'blocked', today: '2026-01-02' } }];

/** A worker in this thread: answers after `delayMs`, never answers texts that start with HANG, can crash. */
class FakeWorker implements WorkerLink {
  static started: FakeWorker[] = [];
  readonly service = new PlanService(50);
  terminated = false;
  readonly posted: PlanRequest[] = [];
  private listener: ((message: PlanResponse) => void) | undefined;
  private exitListener: ((reason: string) => void) | undefined;

  constructor(private readonly delayMs = 1) {
    FakeWorker.started.push(this);
  }

  post(message: PlanRequest): void {
    this.posted.push(message);
    if (message.kind !== 'part' && message.text.startsWith('HANG')) {
      return;
    }
    setTimeout(() => {
      if (!this.terminated) {
        this.listener?.(structuredClone(this.service.handle(structuredClone(message))));
      }
    }, this.delayMs);
  }

  onMessage(listener: (message: PlanResponse) => void): void {
    this.listener = listener;
  }

  onExit(listener: (reason: string) => void): void {
    this.exitListener = listener;
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(reason: string): void {
    this.terminated = true;
    this.exitListener?.(reason);
  }
}

function fakeClient(delayMs = 1): PlanWorkerClient {
  return new PlanWorkerClient(() => new FakeWorker(delayMs));
}

describe('the plan worker', () => {
  beforeEach(() => {
    FakeWorker.started = [];
  });

  describe('its service (what the worker does with requests)', () => {
    it('answers a read with a head and parts that rebuild the parse result', () => {
      const service = new PlanService(100);
      const answer = service.handle({ kind: 'read', id: 1, key: 'k', text: BIG });
      assert.equal(answer.kind, 'read');
      const assembler = new ResultAssembler(answer.head);
      for (let index = 0; !assembler.complete; index++) {
        const part = service.handle({ kind: 'part', id: 1, index });
        assert.equal(part.kind, 'part');
        assembler.add(part.part);
      }
      assert.deepEqual(assembler.result(), parse(BIG));
      assert.equal(service.handle({ kind: 'part', id: 1, index: 0 }).kind, 'failed', 'parts are given once');
    });

    it('edits the text it last read without parsing it again, and keeps the new reading', () => {
      const service = new PlanService();
      service.handle({ kind: 'read', id: 1, key: 'k', text: BIG });
      const parses = countParses();
      try {
        const answer = service.handle({ kind: 'edit', id: 2, key: 'k', text: BIG, steps: START_S1 });
        assert.equal(parses.count(), 1, 'only the check of the result');
        assert.ok(answer.kind === 'edit' && answer.answer.ok);
        const edited = applyEdits(BIG, answer.answer.edits);
        assert.equal(edited, BIG.replace('  - id: s1\n    title: Stage 1 # keep me\n    status: not-started', '  - id: s1\n    title: Stage 1 # keep me\n    status: blocked\n    blocked: 2026-01-02'));
        // The next edit starts from the result's reading.
        const again = service.handle({ kind: 'edit', id: 3, key: 'k', text: edited, steps: [{ stageId: 's2', change: { kind: 'status', status: 'skipped' } }] });
        assert.ok(again.kind === 'edit' && again.answer.ok);
        assert.equal(parses.count(), 2);
        // Another text of the same plan is read first.
        service.handle({ kind: 'edit', id: 4, key: 'k', text: BIG, steps: START_S1 });
        assert.equal(parses.count(), 4);
      } finally {
        parses.restore();
      }
    });

    it('answers a refused edit with the reason, and an unchanged one with no edits', () => {
      const service = new PlanService();
      const refused = service.handle({ kind: 'edit', id: 1, key: 'k', text: BIG, steps: [{ stageId: 'nope', change: { kind: 'status', status: 'done' } }] });
      assert.ok(refused.kind === 'edit' && !refused.answer.ok && /no stage with id "nope"/.test(refused.answer.reason));
      const unchanged = service.handle({ kind: 'edit', id: 2, key: 'k', text: BIG, steps: [{ stageId: 's1', change: { kind: 'status', status: 'not-started' } }] });
      assert.deepEqual(unchanged, { kind: 'edit', id: 2, answer: { ok: true, edits: [], head: undefined } });
    });
  });

  describe('the client (the extension side)', () => {
    it('starts no worker until asked, then one worker for all requests', async () => {
      const client = fakeClient();
      assert.equal(client.isRunning, false);
      assert.equal(FakeWorker.started.length, 0);
      const first = await client.read('k', BIG, 5000);
      const second = await client.read('j', planOf(40), 5000);
      assert.ok(first.kind === 'done' && second.kind === 'done');
      assert.deepEqual(first.value, parse(BIG));
      assert.equal(FakeWorker.started.length, 1);
      assert.equal(client.isRunning, true);
      client.dispose();
      assert.equal(FakeWorker.started[0].terminated, true);
    });

    it('pulls a result in parts, one at a time', async () => {
      const client = fakeClient();
      const reply = await client.read('k', planOf(200), 5000);
      assert.equal(reply.kind, 'done');
      const parts = FakeWorker.started[0].posted.filter((message) => message.kind === 'part');
      assert.ok(parts.length > 5, `${parts.length} parts of 50 items`);
      assert.deepEqual(
        parts.map((message) => (message.kind === 'part' ? message.index : -1)),
        parts.map((_message, index) => index),
      );
      client.dispose();
    });

    it('stops a worker past the deadline, answers timed-out, and starts a new one for the next request', async () => {
      const client = fakeClient();
      const started = Date.now();
      const hung = client.read('k', `HANG${BIG}`, 50);
      const next = client.read('j', BIG, 5000);
      assert.equal((await hung).kind, 'timed-out');
      assert.ok(Date.now() - started >= 45);
      assert.equal(FakeWorker.started[0].terminated, true);
      assert.equal((await next).kind, 'done');
      assert.equal(FakeWorker.started.length, 2);
      assert.equal(client.starts, 2);
      client.dispose();
    });

    it('supersedes a queued read of the same plan by a newer one, never an edit', async () => {
      const client = fakeClient(20);
      const running = client.read('k', planOf(40), 5000);
      const older = client.read('k', planOf(41), 5000);
      const edit = client.edit('k', planOf(42), START_S1, 5000);
      const newer = client.read('k', planOf(43), 5000);
      assert.equal((await running).kind, 'done');
      assert.equal((await older).kind, 'superseded');
      assert.equal((await edit).kind, 'done');
      const last = await newer;
      assert.ok(last.kind === 'done' && last.value.plan?.stages.length === 43);
      client.dispose();
    });

    it('answers failed when the worker stops by itself, and starts a new one next time', async () => {
      const client = fakeClient();
      const hung = client.read('k', `HANG${BIG}`, 5000);
      await new Promise((resolve) => setTimeout(resolve, 10));
      FakeWorker.started[0].crash('Worker terminated due to reaching memory limit: JS heap out of memory');
      const reply = await hung;
      assert.ok(reply.kind === 'failed' && /memory limit/.test(reply.message));
      assert.equal(client.isRunning, false);
      assert.equal((await client.read('k', BIG, 5000)).kind, 'done');
      assert.equal(FakeWorker.started.length, 2);
      client.dispose();
    });

    it('on dispose ends the worker and answers what is pending', async () => {
      const client = fakeClient();
      const hung = client.read('k', `HANG${BIG}`, 5000);
      const queued = client.read('j', BIG, 5000);
      client.dispose();
      assert.equal((await hung).kind, 'failed');
      assert.equal((await queued).kind, 'failed');
      assert.equal(FakeWorker.started[0].terminated, true);
      assert.equal((await client.read('k', BIG, 5000)).kind, 'failed', 'nothing starts after dispose');
      assert.equal(FakeWorker.started.length, 1);
    });
  });

  describe('the engine (which thread reads)', () => {
    it('reads small texts in the thread, keeping the located reading, and starts no worker', async () => {
      const client = fakeClient();
      const engine = new PlanEngine(client);
      const small = planOf(3);
      assert.ok(small.length <= IN_THREAD_MAX_CHARS);
      const reading = await engine.read('k', small, 'lifecycle.yaml');
      assert.ok(reading?.analysis);
      assert.deepEqual(reading.result, parse(small));
      assert.equal(client.starts, 0);
      engine.dispose();
    });

    it('reads larger texts in the worker', async () => {
      const client = fakeClient();
      const engine = new PlanEngine(client);
      const reading = await engine.read('k', BIG, 'lifecycle.yaml');
      assert.ok(reading && !reading.analysis);
      assert.deepEqual(reading.result, parse(BIG));
      assert.equal(client.starts, 1);
      engine.dispose();
    });

    it('gives the took-too-long diagnostic when the worker passes its deadline, and refuses edits of that text', async () => {
      const engine = new PlanEngine(new PlanWorkerClient(() => new FakeWorker(1)));
      // The fake never answers HANG texts: the real deadline runs out. Shortened through the client.
      const client = engine.worker;
      const read = client.read.bind(client);
      client.read = (key, text) => read(key, text, 30);
      const reading = await engine.read('k', `HANG${BIG}`, 'plan.yaml');
      assert.ok(reading);
      assert.equal(reading.result.plan, undefined);
      assert.match(reading.result.diagnostics[0].message, /^plan\.yaml took too long to read \(over 10 s\)/);
      const refused = await engine.edit('k', 'plan.yaml', reading, `HANG${BIG}`, START_S1);
      assert.ok(!refused.ok && /took too long to read/.test(refused.reason));
      engine.dispose();
    });

    it('edits from the store reading of the exact text with one parse, in the thread', async () => {
      const engine = new PlanEngine(fakeClient());
      const small = planOf(3);
      const reading = await engine.read('k', small, 'lifecycle.yaml');
      const parses = countParses();
      try {
        const result = await engine.edit('k', 'lifecycle.yaml', reading, small, START_S1);
        assert.equal(parses.count(), 1);
        assert.ok(result.ok && result.after?.analysis);
        assert.equal(result.after.text, applyEdits(small, result.edits));
        assert.deepEqual(result.after.result, parse(result.after.text));
        // A reading of another text is not used: that text is read first.
        await engine.edit('k', 'lifecycle.yaml', reading, `${small}# changed\n`, START_S1);
        assert.equal(parses.count(), 3);
      } finally {
        parses.restore();
        engine.dispose();
      }
    });

    it('edits larger texts in the worker, which hands back the new reading', async () => {
      const client = fakeClient();
      const engine = new PlanEngine(client);
      const reading = await engine.read('k', BIG, 'lifecycle.yaml');
      const result = await engine.edit('k', 'lifecycle.yaml', reading, BIG, START_S1);
      assert.ok(result.ok && result.after && !result.after.analysis);
      assert.equal(result.after.text, applyEdits(BIG, result.edits));
      assert.deepEqual(result.after.result, parse(result.after.text));
      assert.equal(client.starts, 1);
      engine.dispose();
    });
  });

  describe('a real worker thread (the compiled entry)', function () {
    this.timeout(60_000);
    const script = path.resolve(__dirname, '..', '..', 'src', 'worker', 'main.js');

    it('reads and edits like the thread does, and is stopped and restarted past a deadline', async () => {
      const client = new PlanWorkerClient(() => startNodeWorker(script));
      try {
        const read = await client.read('k', BIG, 30_000);
        assert.ok(read.kind === 'done');
        assert.deepEqual(read.value, parse(BIG));
        const edited = await client.edit('k', BIG, START_S1, 30_000);
        assert.ok(edited.kind === 'done' && edited.value.ok);
        assert.deepEqual(edited.value.result, parse(applyEdits(BIG, edited.value.edits)));
        // yaml's error recovery on these lines takes seconds for a few hundred KB: far past 100 ms.
        const slow = await client.read('k', ' ]: [\n'.repeat(60_000), 100);
        assert.equal(slow.kind, 'timed-out');
        assert.equal(client.isRunning, false);
        const again = await client.read('k', BIG, 30_000);
        assert.equal(again.kind, 'done');
        assert.equal(client.starts, 2);
      } finally {
        client.dispose();
      }
    });

    it('translates its diagnostics and refusals with the bundle the client sends each worker it starts', async () => {
      const unknownStatus = 'Unknown status "{0}": use one of {1}.';
      const noStage = 'The plan has no stage with id "{0}".';
      const bundle = { [unknownStatus]: '<unknown status {0}>', [noStage]: '<no stage {0}>' };
      const text = BIG.replace('status: not-started', 'status: started');
      const client = new PlanWorkerClient(() => startNodeWorker(script), () => bundle);
      try {
        const read = await client.read('k', text, 30_000);
        assert.ok(read.kind === 'done');
        assert.deepEqual(
          read.value.diagnostics.map((diagnostic) => diagnostic.message),
          ['<unknown status started>'],
        );
        const refused = await client.edit('k', text, [{ stageId: 'nope', change: { kind: 'status', status: 'done' } }], 30_000);
        assert.ok(refused.kind === 'done' && !refused.value.ok);
        assert.equal(refused.value.reason, '<no stage nope>');
        // A worker started again (after a deadline) is configured too.
        assert.equal((await client.read('k', ' ]: [\n'.repeat(60_000), 100)).kind, 'timed-out');
        const again = await client.read('k', text, 30_000);
        assert.ok(again.kind === 'done' && again.value.diagnostics[0]?.message === '<unknown status started>');
        assert.equal(client.starts, 2);
        // This thread was never configured: the same text reads in English here.
        assert.match(parse(text).diagnostics[0]?.message ?? '', /^Unknown status "started"/);
      } finally {
        client.dispose();
      }
    });

    it('sends no bundle when there is none (English)', async () => {
      const posted: string[] = [];
      const client = new PlanWorkerClient(() => {
        const link = startNodeWorker(script);
        return {
          ...link,
          post: (message) => {
            posted.push(message.kind);
            link.post(message);
          },
        };
      }, () => undefined);
      try {
        assert.equal((await client.read('k', BIG, 30_000)).kind, 'done');
        assert.deepEqual(posted.slice(0, 1), ['read']);
      } finally {
        client.dispose();
      }
    });
  });
});
