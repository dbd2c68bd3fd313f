// A plan of thousands of stages (read in the worker): the sidebar shows it a page at a time,
// reveals a stage beyond the first page, and a status change is computed in the worker and
// written as one splice, every other byte kept, without holding the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import type { LifecycleNode } from '../../../src/views/nodes';
import { waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { children, stageNode } from '../views-helpers';
import { LARGE_SETTLE_MS, largePlan, largePlanSuite, loopProbe, MAX_LOOP_DELAY_MS, planUri, withStatus } from './largePlan';
import { report } from '../report';

const STAGES = 2000;
const TASKS = 4;
const MANY_TASKS = 1500;

function labelOf(api: LifecycleApi, node: LifecycleNode): string {
  const label = api.views.provider.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

async function choose(api: LifecycleApi, node: LifecycleNode): Promise<void> {
  const command = api.views.provider.getTreeItem(node).command;
  assert.ok(command, 'the row has a command');
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

describe('large-plan: thousands of stages and tasks', () => {
  const text = largePlan(STAGES, TASKS, MANY_TASKS);
  const suite = largePlanSuite(text, STAGES);

  it('shows the stages a page at a time, with a "Show more" row that adds the next page', async () => {
    const first = stageList(suite.api);
    assert.equal(first.length, 201);
    const more = first[200];
    assert.equal(more.kind, 'more');
    assert.equal(labelOf(suite.api, more), 'Show 200 more');
    assert.equal(suite.api.views.provider.getTreeItem(more).description, '200 of 2,000 shown');
    await choose(suite.api, more);
    const second = stageList(suite.api);
    assert.equal(second.length, 401);
    assert.deepEqual(second.slice(0, 200), first.slice(0, 200), 'the rows shown stay the same objects');
    assert.equal(second[399].kind === 'stage' && second[399].stage.id, 's399');
  });

  it('shows the tasks of a stage a page at a time', async () => {
    const stage = stageNode(suite.api, 's7');
    const tasks = children(suite.api, stage);
    assert.equal(tasks.length, 201);
    assert.equal(labelOf(suite.api, tasks[200]), 'Show 200 more');
    await choose(suite.api, tasks[200]);
    assert.equal(children(suite.api, stage).length, 401);
  });

  it('reveals a stage beyond the pages shown', async () => {
    const target = { folderUri: workspaceFolder().uri.toString(), stageId: 's1777' };
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.revealStage', target), true);
    const shown = children(suite.api).filter((node) => node.kind === 'stage');
    assert.ok(shown.some((node) => node.kind === 'stage' && node.stage.id === 's1777'));
    assert.equal(suite.api.views.treeView.selection[0]?.kind === 'stage' && suite.api.views.treeView.selection[0].stage.id, 's1777');
  });

  it('changes one stage with one splice, keeping every other byte, without holding the host', async function () {
    this.timeout(2 * LARGE_SETTLE_MS);
    const target = { folderUri: workspaceFolder().uri.toString(), stageId: 's1234' };
    const readsBefore = suite.api.services.store.engine.worker.reads;
    const probe = loopProbe();
    const started = Date.now();
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.skipStage', target), true);
    const maxDelay = probe.stop();
    report(`      [measured] Skip Stage on a ${(text.length / 1e6).toFixed(1)} MB plan of ${STAGES} stages: ${((Date.now() - started) / 1000).toFixed(1)} s, max event-loop delay ${maxDelay.toFixed(0)} ms`);
    assert.ok(maxDelay < MAX_LOOP_DELAY_MS, `the event loop was held ${maxDelay.toFixed(0)} ms`);
    assert.equal(await diskText(planUri()), withStatus(text, 's1234', 'skipped'));
    const folderPlan = await waitFor(() => {
      const current = suite.api.services.store.get(workspaceFolder().uri);
      return current?.plan?.stages[1234].status === 'skipped' ? current : undefined;
    }, 'the store to show the change');
    assert.equal(folderPlan.errorCount, 0);
    assert.equal(folderPlan.plan?.stages.length, STAGES);
    // The edit started from the worker's reading of the text, and its check's reading is the
    // store's: the refresh after the write asked the worker for no read.
    assert.equal(suite.api.services.store.engine.worker.reads, readsBefore);
  });
});

/** The root rows without the advisor's Next step row (a plan of custom stages gets "start here"). */
function stageList(api: LifecycleApi): ReturnType<typeof children> {
  return children(api).filter((node) => node.kind !== 'advice');
}
