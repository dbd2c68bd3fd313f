// The chart header's advice and effort roll-up, and its `runAdvice` message: the page names a
// piece of advice by key; the host finds it again in the current plan and runs its action.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import type { Plan } from '../../../src/model/domain/types';
import { parse } from '../../../src/model/planFile/parse';
import { diskText, writeDiskText } from '../files';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

const planUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');

const REUSE = 'No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.';
const RLHF = 'Reinforcement learning / human feedback';

describe('effort chart: next steps and effort ahead in the header', () => {
  let api: LifecycleApi;
  let original = '';

  /** Writes the plan and waits until the store's plan has its statuses (an open editor of the file catches up first). */
  async function writePlan(text: string): Promise<void> {
    await writeDiskText(planUri(), text);
    const statuses = (plan: Plan | undefined): string => JSON.stringify(plan?.stages.map((stage) => stage.status));
    const wanted = statuses(parse(text).plan);
    await waitFor(async () => statuses((await api.services.store.reload(workspaceFolder()))?.plan) === wanted, 'the store to read the plan');
  }

  before(async () => {
    api = await activateExtension();
    original = await diskText(planUri());
  });

  afterEach(async () => {
    const folderPlan = api.services.store.get(workspaceFolder().uri);
    if (folderPlan) {
      await api.services.advisor.restore([folderPlan]);
    }
    if ((await diskText(planUri())) !== original) {
      await writePlan(original);
    }
  });

  it('carries the first advice and the roll-up of the shown plan', () => {
    const chart = api.chart.chartData();
    assert.deepEqual(chart.advice, [{ key: 'reuse-reward-model:rlhf', stageId: 'rlhf', stageTitle: RLHF, message: REUSE }]);
    assert.equal(chart.adviceCount, 1);
    assert.equal(chart.effortSummary, '5 stages open · up to Medium-High expertise · longest: hours to days');
  });

  it('refuses runAdvice for advice the plan does not have now, or in a wrong shape', async () => {
    for (const message of [
      { type: 'runAdvice', key: 'start-next-stage:rlhf' },
      { type: 'runAdvice', key: 'reuse-reward-model:deployment' },
      { type: 'runAdvice', key: 'reuse-reward-model:rlhf'.repeat(100) },
      { type: 'runAdvice', key: 1 },
      { type: 'runAdvice' },
      { type: 'runAdvice', key: 'reuse-reward-model:rlhf', command: 'workbench.action.files.delete' },
    ]) {
      assert.equal(await api.chart.handleMessage(message), 'refused', JSON.stringify(message));
    }
    assert.equal(await diskText(planUri()), original);
  });

  it('runs the advice action the host finds again by key, and follows dismissals', async () => {
    // Fine-tuning done: RLHF is next, so "start it" joins the reuse advice.
    const tuned = original.replace('  - id: fine-tuning\n    status: in-progress\n', '  - id: fine-tuning\n    status: done\n');
    assert.notEqual(tuned, original);
    await writePlan(tuned);
    await waitFor(() => api.chart.chartData().adviceCount === 2, 'the chart to carry two pieces of advice');
    assert.deepEqual(
      api.chart.chartData().advice.map((advice) => [advice.key, advice.actionLabel]),
      [
        ['reuse-reward-model:rlhf', undefined],
        ['start-next-stage:rlhf', `Start ${RLHF}`],
      ],
    );

    const folderPlan = api.services.store.get(workspaceFolder().uri);
    assert.ok(folderPlan);
    await api.services.advisor.dismiss(folderPlan, 'reuse-reward-model:rlhf');
    assert.deepEqual(
      api.chart.chartData().advice.map((advice) => advice.key),
      ['start-next-stage:rlhf'],
    );
    assert.equal(await api.chart.handleMessage({ type: 'runAdvice', key: 'reuse-reward-model:rlhf' }), 'refused', 'dismissed advice is not current advice');

    assert.equal(await api.chart.handleMessage({ type: 'runAdvice', key: 'start-next-stage:rlhf' }), 'handled');
    const started = tuned.replace('  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${localToday()}\n`);
    assert.notEqual(started, tuned);
    await waitFor(async () => (await diskText(planUri())) === started, 'Start Stage to write RLHF in progress');
  });
});
