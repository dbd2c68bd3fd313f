// Estimates in hovers on lifecycle.yaml in a real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers';
import { hoverText } from '../lang-plan/langHelpers';
import { estimateHovers, planUri, pristinePlanPerTest } from './estimateHelpers';

describe('estimate hovers', () => {
  pristinePlanPerTest();

  it('model parameters: every stage at a glance, the formulas and the sources', async () => {
    const [text, ...others] = await estimateHovers(new vscode.Position(6, 4));
    assert.equal(others.length, 0);
    assert.ok(text.startsWith('**GPU memory estimates**'), text);
    assert.ok(text.includes('| LoRA | 17.3 GB | Fits on 1 GPU |'), text);
    assert.ok(text.includes('| full fine-tuning | 192 GB | Needs 3 GPUs of 80 GB |'), text);
    assert.ok(text.includes('- **QLoRA**: frozen weights at int4 + the adapters as for LoRA (QLoRA, course (PEFT), ZeRO)'), text);
    assert.ok(text.includes('- Chinchilla: Hoffmann et al. (2022)'), text);
  });

  it('a stage’s method: its parts with formulas, total, fit and sources', async () => {
    const [text] = await estimateHovers(new vscode.Position(18, 13));
    assert.ok(text, 'a hover on method: lora');
    assert.ok(text.includes('| Adapters: weights, gradients and Adam states | 1.28 GB | 1% × 8B parameters × 16 bytes (trained in 16-bit with Adam) |'), text);
    assert.ok(text.includes('Fits on one GPU: 17.3 GB of 80 GB, on 1 × A100 80GB (80 GB).'), text);
    assert.ok(text.includes('Dettmers') === false && text.includes('Rajbhandari et al. (2019), ZeRO'), text);
  });

  it('a stage id: the stage card, then its estimate', async () => {
    await activateExtension();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', planUri(), new vscode.Position(19, 9));
    const text = hovers.map(hoverText).find((candidate) => candidate.includes('command:genaiLifecycle.showChart'));
    assert.ok(text, 'the stage card');
    assert.ok(text.includes('\n\n---\n\n**Memory estimate: Reinforcement learning / human feedback**'), text);
    assert.ok(text.includes('Full tuning of the policy does not fit; LoRA or QLoRA does.'), text);
  });

  it('the newer keys explain themselves: model, hardware, reward-model', async () => {
    await activateExtension();
    const keyHover = async (line: number, character: number): Promise<string[]> => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', planUri(), new vscode.Position(line, character));
      return hovers.map(hoverText).filter((text) => text.startsWith('**'));
    };
    assert.deepEqual((await keyHover(4, 2)).map((text) => text.slice(0, 40)), ['**model**: The foundation model the plan']);
    assert.ok((await keyHover(8, 3)).some((text) => text.startsWith('**hardware**: ') && text.includes('count × memory')));
    assert.ok((await keyHover(21, 8)).some((text) => text.startsWith('**reward-model**: RLHF: `train`')));
    assert.deepEqual(await keyHover(21, 20), [], 'nothing on the value');
  });
});
