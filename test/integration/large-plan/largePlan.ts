// Shared by the large-plan suites: large plans (valid and pathological), written while the
// suites run (the fixture holds a small one), and a probe of the extension host's event loop.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import type { FolderPlan } from '../../../src/workspace/planStore';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText, writeDiskText } from '../files';
import { restorePlan } from '../views-helpers';

/**
 * What the extension host's event loop may be held for while a large plan is read or edited.
 * Generous: the suites run on a busy 2-core machine, where the loop's timer waits for a core
 * while the worker and other processes run (99-254 ms measured at load averages of 9 to 22,
 * once 614 ms), though the host's own work between the worker's messages is a few ms. Reading
 * the same 2 MB plan in the host's thread held it for 6-20 s. The figure is in the suite's report.
 */
export const MAX_LOOP_DELAY_MS = 1000;

/** Long enough for a worker read of a 2 MB plan past its deadline on a loaded machine. */
export const LARGE_SETTLE_MS = 120_000;

/** A valid plan of `stageCount` custom stages (ids s0, s1...) with `tasksPerStage` tasks each; stage `s7` has `manyTasks`. */
export function largePlan(stageCount: number, tasksPerStage: number, manyTasks = 0): string {
  const lines = ['# A large generated plan', 'version: 1', 'project: large', 'stages:'];
  for (let index = 0; index < stageCount; index++) {
    lines.push(`  - id: s${index}`, `    title: 'Stage ${index}'`, '    status: not-started   # generated', `    owner: person-${index % 7}`, '    tasks:');
    const tasks = index === 7 ? manyTasks : tasksPerStage;
    for (let task = 0; task < tasks; task++) {
      lines.push(`      - title: Task ${task + 1} of stage ${index}`, `        done: ${task % 3 === 0}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Lines yaml's error recovery is slow on: 2 MB of them took seconds to tens of seconds to parse. */
export function pathologicalPlan(bytes: number): string {
  const line = ' ]: [\n';
  return line.repeat(Math.floor(bytes / line.length));
}

/** How often the probe's timer asks to run, in ms. */
const PROBE_INTERVAL_MS = 10;

/**
 * Starts measuring the event loop's delay: a short repeating timer notes how much later than
 * asked it runs, which is how long the loop was held before it (what Node's
 * monitorEventLoopDelay measures, but portable to the web worker host, which has no
 * perf_hooks). `stop` gives the longest delay, in ms.
 */
export function loopProbe(): { stop(): number } {
  let due = performance.now() + PROBE_INTERVAL_MS;
  let longest = 0;
  const note = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - due);
    due = now + PROBE_INTERVAL_MS;
  };
  const timer = setInterval(note, PROBE_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(timer);
      // A hold still going on when the test stops the probe counts too.
      note();
      return longest;
    },
  };
}

export function planUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
}

/** Writes `text` to the plan file on disk and waits until the store has read it as a plan of `stageCount` stages. */
export async function writeLargePlan(api: LifecycleApi, text: string, stageCount: number): Promise<FolderPlan> {
  await writeDiskText(planUri(), text);
  return waitFor(
    () => {
      const folderPlan = api.services.store.get(workspaceFolder().uri);
      return folderPlan?.errorCount === 0 && folderPlan.result?.plan?.stages.length === stageCount ? folderPlan : undefined;
    },
    `the store to read ${stageCount} stages`,
    LARGE_SETTLE_MS,
  );
}

/** `text` with the status of stage `stageId` (written `status: not-started`) set to `status`. */
export function withStatus(text: string, stageId: string, status: string): string {
  const stageStart = text.indexOf(`  - id: ${stageId}\n`);
  assert.ok(stageStart >= 0, `stage ${stageId} is in the text`);
  const at = text.indexOf('status: not-started', stageStart);
  return `${text.slice(0, at)}status: ${status}${text.slice(at + 'status: not-started'.length)}`;
}

/**
 * The hooks of a suite on a large plan: before it, `text` (a plan of `stageCount` stages)
 * replaces the fixture's plan on disk and the store has read it; after it, the fixture's plan
 * is back. `api` is the activated extension's, for the suite's tests and hooks.
 */
export function largePlanSuite(text: string, stageCount: number): { readonly api: LifecycleApi } {
  let api: LifecycleApi | undefined;
  let original: string | undefined;
  before(async function () {
    this.timeout(2 * LARGE_SETTLE_MS);
    api = await activateExtension();
    original = await diskText(planUri());
    await writeLargePlan(api, text, stageCount);
  });
  after(async function () {
    this.timeout(LARGE_SETTLE_MS);
    if (api && original !== undefined) {
      await restorePlan(api, workspaceFolder(), planUri(), original);
    }
  });
  return {
    get api(): LifecycleApi {
      if (!api) {
        throw new Error('the large plan is written before the suite');
      }
      return api;
    },
  };
}
