// An edit is only applied to the document version it was computed on: if the document changes
// while the worker computes it, it is computed once more on the new text, and refused if the
// document changes again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanEditStep } from '../../../src/model/domain/types';
import { waitFor, workspaceFolder } from '../helpers';
import { restorePlan } from '../views-helpers';
import { LARGE_SETTLE_MS, largePlan, largePlanSuite, planUri, withStatus } from './largePlan';

const STAGES = 1500;
const SKIP_S42: PlanEditStep[] = [{ stageId: 's42', change: { kind: 'status', status: 'skipped' } }];

async function prependLine(document: vscode.TextDocument, line: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), line);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the change under the edit was applied');
}

describe('large-plan: the document changes while an edit is computed', () => {
  const text = largePlan(STAGES, 3);
  const suite = largePlanSuite(text, STAGES);

  afterEach(async function () {
    this.timeout(LARGE_SETTLE_MS);
    suite.api.services.writer.beforeApplyForTests = undefined;
    await restorePlan(suite.api, workspaceFolder(), planUri(), text);
  });

  it('computes the edit once more on the changed text, and applies it there', async function () {
    this.timeout(2 * LARGE_SETTLE_MS);
    let calls = 0;
    suite.api.services.writer.beforeApplyForTests = async (document) => {
      calls++;
      if (calls === 1) {
        await prependLine(document, '# changed while the edit was computed\n');
      }
    };
    const folderPlan = suite.api.services.store.get(workspaceFolder().uri);
    assert.ok(folderPlan);
    const outcome = await suite.api.services.writer.applySteps(folderPlan, SKIP_S42);
    assert.deepEqual(outcome, { ok: true, changed: true });
    assert.equal(calls, 2);
    const document = await vscode.workspace.openTextDocument(planUri());
    assert.equal(document.getText(), `# changed while the edit was computed\n${withStatus(text, 's42', 'skipped')}`);
    await waitFor(() => suite.api.services.store.get(workspaceFolder().uri)?.plan?.stages[42].status === 'skipped', 'the store to show the change', LARGE_SETTLE_MS);
  });

  it('refuses when the document changes again, and writes nothing', async function () {
    this.timeout(2 * LARGE_SETTLE_MS);
    let calls = 0;
    suite.api.services.writer.beforeApplyForTests = async (document) => {
      calls++;
      await prependLine(document, `# change ${calls}\n`);
    };
    const folderPlan = suite.api.services.store.get(workspaceFolder().uri);
    assert.ok(folderPlan);
    const outcome = await suite.api.services.writer.applySteps(folderPlan, SKIP_S42);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.reason, /^lifecycle\.yaml kept changing while the change was being prepared, so nothing was written\. Please try again\.$/);
    assert.equal(calls, 2);
    const document = await vscode.workspace.openTextDocument(planUri());
    assert.equal(document.getText(), `# change 2\n# change 1\n${text}`);
  });
});
