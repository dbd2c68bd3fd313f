// A 2 MB plan that yaml's error recovery takes seconds to read: the worker reads it, the
// extension host's event loop stays free meanwhile, the plan gets its diagnostic (the deadline's
// or its real ones), and fixing the file is read as usual.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText, writeDiskText } from '../files';
import { restorePlan, rows } from '../views-helpers';
import { LARGE_SETTLE_MS, loopProbe, MAX_LOOP_DELAY_MS, pathologicalPlan, planUri } from './largePlan';
import { report } from '../report';

describe('large-plan: a 2 MB plan of YAML errors', () => {
  let api: LifecycleApi;
  let original: string;

  before(async () => {
    api = await activateExtension();
    original = await diskText(planUri());
  });

  after(async () => {
    await restorePlan(api, workspaceFolder(), planUri(), original);
  });

  it('is read without blocking the extension host, gets a diagnostic, and a fix of the file is read', async function () {
    this.timeout(4 * LARGE_SETTLE_MS);
    const goodRows = planRows(api);
    assert.equal(goodRows.length, 5);
    assert.equal(api.services.store.engine.worker.starts, 0, 'a small plan is read without the worker, which activation does not start');
    const text = pathologicalPlan(2_000_000);
    const probe = loopProbe();
    const started = Date.now();
    await writeDiskText(planUri(), text);
    const folderPlan = await waitFor(
      () => {
        const current = api.services.store.get(workspaceFolder().uri);
        return current && current.errorCount > 0 ? current : undefined;
      },
      'the store to report the 2 MB plan',
      LARGE_SETTLE_MS,
    );
    const maxDelay = probe.stop();
    const codes = [...new Set(folderPlan.result?.diagnostics.map((diagnostic) => diagnostic.code))];
    report(`      [measured] max event-loop delay while the store read 2 MB of " ]: [" lines: ${maxDelay.toFixed(0)} ms; answered in ${((Date.now() - started) / 1000).toFixed(1)} s with ${codes.join(', ')}`);
    assert.ok(maxDelay < MAX_LOOP_DELAY_MS, `the event loop was held ${maxDelay.toFixed(0)} ms`);
    assert.ok(api.services.store.engine.worker.starts >= 1, 'the worker read it');

    const diagnostic = folderPlan.result?.diagnostics[0];
    assert.ok(diagnostic);
    if (diagnostic.code === 'took-too-long') {
      assert.match(diagnostic.message, /^lifecycle\.yaml took too long to read \(over \d+ s\); /);
      assert.equal(folderPlan.result?.diagnostics.length, 1);
    } else {
      assert.equal(diagnostic.code, 'yaml-syntax');
    }
    const shown = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(planUri());
      return found.length > 0 ? found : undefined;
    }, 'the Problems panel to show the problem');
    assert.equal(shown[0].code, diagnostic.code);
    // The sidebar keeps the last good stages under the problems row.
    assert.deepEqual(planRows(api).slice(1), goodRows);

    await writeDiskText(planUri(), original);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 0, 'the store to read the fixed plan', LARGE_SETTLE_MS);
    assert.deepEqual(planRows(api), goodRows);
    await waitFor(() => vscode.languages.getDiagnostics(planUri()).length === 0, 'the problems to clear');
  });
});

/** The tree's rows without the advisor's Next step row, which comes and goes with the advice. */
function planRows(api: LifecycleApi): ReturnType<typeof rows> {
  return rows(api).filter((row) => !String(row.contextValue).startsWith('advice'));
}
