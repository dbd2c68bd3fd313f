// The chart's GPU memory row and the Estimate GPU Memory panel in a real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from '../helpers';
import { pristinePlanPerTest, setEstimateSetting } from './estimateHelpers';

describe('chart memory row and the estimate panel', () => {
  pristinePlanPerTest();

  after(async () => {
    const api = await activateExtension();
    api.chart.panel?.webviewPanel.dispose();
    api.estimate.panel?.webviewPanel.dispose();
  });

  it('the chart posts each stage’s estimate against the plan’s GPU, and follows the settings', async () => {
    const api = await activateExtension();
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.showChart'), true);
    const panel = api.chart.panel;
    assert.ok(panel);
    const memory = await waitFor(() => panel.lastPosted?.memory, 'the chart data with its memory row');
    assert.equal(memory.hardware, '1 × A100 80GB (80 GB)');
    assert.deepEqual(
      memory.cells.map((cell) => [cell.stageId, cell.label, cell.fits, cell.fitText]),
      [
        ['pre-training', '160 GB', false, 'Needs 2 GPUs of 80 GB'],
        ['prompt-engineering', '19.2 GB', true, 'Fits on 1 GPU'],
        ['fine-tuning', '17.3 GB', true, 'Fits on 1 GPU'],
        ['rlhf', '192 GB', false, 'Needs 3 GPUs of 80 GB'],
        ['deployment', '9.6 GB', true, 'Fits on 1 GPU'],
        ['eval-harness', undefined, undefined, 'Not checked'],
      ],
    );
    try {
      await setEstimateSetting('bytesPerParameter.int8', 2);
      await waitFor(() => panel.lastPosted?.memory?.cells.find((cell) => cell.stageId === 'deployment')?.label === '19.2 GB', 'deployment re-estimated at 2 bytes per int8 parameter');
    } finally {
      await setEstimateSetting('bytesPerParameter.int8', undefined);
    }
    await waitFor(() => panel.lastPosted?.memory?.cells.find((cell) => cell.stageId === 'deployment')?.label === '9.6 GB', 'the default back');
  });

  it('Estimate GPU Memory... with arguments opens its panel with the table, on the panel base', async () => {
    const api = await activateExtension();
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.estimateMemory', { parameters: '70B', precision: 'bf16', method: 'qlora' }), true);
    const panel = api.estimate.panel;
    assert.ok(panel);
    assert.equal(panel.webviewPanel.viewType, 'genaiLifecycle.estimate');
    assert.equal(panel.webviewPanel.title, 'GPU Memory Estimate');
    assert.match(panel.html, /script-src 'nonce-[^']+'/);
    assert.match(panel.html, /dist\/webview\/estimate\.js/);
    const data = await waitFor(() => panel.lastPosted, 'the page to get the estimate');
    assert.equal(data.title, '70B parameters, bf16, QLoRA');
    assert.equal(data.table.hardware, '1 × A100 80GB (80 GB)');
    assert.deepEqual(
      data.table.rows.map((row) => [row.stageId, row.total, row.fitText]),
      [
        ['pre-training', '1.4 TB', 'Needs 18 GPUs of 80 GB'],
        ['prompt-engineering', '168 GB', 'Needs 3 GPUs of 80 GB'],
        ['fine-tuning', '46.2 GB', 'Fits on 1 GPU'],
        ['rlhf', '221 GB', 'Needs 3 GPUs of 80 GB'],
        ['deployment', '84 GB', 'Needs 2 GPUs of 80 GB'],
        ['eval-harness', undefined, 'Not checked'],
      ],
    );
    // Asked again: the same panel, the new answer.
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.estimateMemory', { parameters: 8e9, precision: 'bf16', method: 'lora' }), true);
    assert.equal(api.estimate.panel, panel);
    await waitFor(() => panel.lastPosted?.title === '8B parameters, bf16, LoRA', 'the new estimate');
  });

  it('refuses arguments it cannot read, without opening anything new', async () => {
    const api = await activateExtension();
    api.estimate.panel?.webviewPanel.dispose();
    await waitFor(() => api.estimate.panel === undefined, 'the panel to close');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.estimateMemory', { parameters: '8 billion', precision: 'bf16', method: 'lora' }), false);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.estimateMemory', { parameters: '8B', precision: 'fp8', method: 'lora' }), false);
    assert.equal(api.estimate.panel, undefined);
  });
});
