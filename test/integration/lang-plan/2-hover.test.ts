import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATALOG } from '../../../src/model/domain/catalog';
import { activateExtension, workspaceFolder } from '../helpers';
import { fileUri, hoverText, ourHovers, planUri, rangeOf } from './langHelpers';

function revealLink(stageId: string): string {
  const args = encodeURIComponent(JSON.stringify([{ folderUri: workspaceFolder().uri.toString(), stageId }]))
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29');
  return `[Reveal in sidebar](command:genaiLifecycle.revealStage?${args})`;
}

const CHART_LINK = '[Open effort chart](command:genaiLifecycle.showChart)';

function cells(stageId: string): string {
  const stage = CATALOG.find((candidate) => candidate.id === stageId);
  assert.ok(stage);
  return [
    `- **Training duration:** ${stage.trainingDuration}`,
    `- **Customization:** ${stage.customization}`,
    `- **Objective:** ${stage.objective}`,
    `- **Expertise:** ${stage.expertise}`,
  ].join('\n');
}

function guidance(stageId: string): string {
  return CATALOG.find((candidate) => candidate.id === stageId)?.guidance ?? '';
}

const LORA_CARD_BODY = (plan: string): string =>
  [
    '**LoRA**: Low-rank adaptation: trains small low-rank matrices next to frozen weight layers; cheap to store, mergeable for serving.  \nBelongs to **Prompt tuning and fine-tuning** (stage 3 of 5)',
    cells('fine-tuning'),
    guidance('fine-tuning'),
    plan,
  ].join('\n\n');

async function onlyHover(uri: vscode.Uri, line: number, character: number): Promise<vscode.Hover> {
  const hovers = await ourHovers(uri, new vscode.Position(line, character));
  assert.equal(hovers.length, 1, `one hover at ${line}:${character}`);
  return hovers[0];
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('genaiLifecycle').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('hovers', () => {
  before(async () => {
    await activateExtension();
  });

  describe('in lifecycle.yaml', () => {
    it('on a stage id: the stage card with the plan\'s status and owner, and navigation links', async () => {
      const hover = await onlyHover(planUri(), 10, 12);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [10, 8, 10, 19]);
      assert.equal(
        hoverText(hover),
        [
          '**Prompt tuning and fine-tuning**: lifecycle stage 3 of 5',
          cells('fine-tuning'),
          guidance('fine-tuning'),
          `**In this plan:** In progress · owner dana · ${revealLink('fine-tuning')} · ${CHART_LINK}`,
        ].join('\n\n'),
      );
    });

    it('is trusted for the two navigation commands only', async () => {
      const hover = await onlyHover(planUri(), 10, 12);
      const content = hover.contents[0];
      assert.ok(content instanceof vscode.MarkdownString);
      assert.deepEqual(content.isTrusted, { enabledCommands: ['genaiLifecycle.revealStage', 'genaiLifecycle.showChart'] });
      assert.notEqual(content.supportHtml, true);
    });

    it('shows a note with markdown and HTML as text', async () => {
      const hover = await onlyHover(planUri(), 4, 10);
      assert.ok(
        hoverText(hover).includes(
          `**In this plan:** Skipped · ${revealLink('pre-training')} · ${CHART_LINK}  \nNote: Start from a \\<b\\>foundation\\</b\\> model, see \\[the docs\\]\\(https\\://example\\.com\\) and \\*\\*do not\\*\\* retrain`,
        ),
        hoverText(hover),
      );
    });

    it('on a custom stage\'s title: the custom stage', async () => {
      const hover = await onlyHover(planUri(), 27, 15);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [27, 11, 27, 29]);
      assert.equal(
        hoverText(hover),
        [
          '**Evaluation harness**: custom stage eval\\-harness',
          `**In this plan:** Blocked · owner kim · ${revealLink('eval-harness')} · ${CHART_LINK}  \nNote: Waiting for the labelled test set`,
        ].join('\n\n'),
      );
    });

    it('on a technique term in a task title: the term, its stage and the plan\'s status', async () => {
      const hover = await onlyHover(planUri(), 17, 24);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [17, 23, 17, 27]);
      assert.equal(hoverText(hover), `${LORA_CARD_BODY(`**In this plan:** In progress · owner dana · ${revealLink('fine-tuning')} · ${CHART_LINK}`)}`);
    });

    it('nothing on keys, statuses or plain words', async () => {
      for (const [line, character] of [
        [5, 6],
        [5, 14],
        [15, 30],
        [1, 3],
      ]) {
        assert.deepEqual(await ourHovers(planUri(), new vscode.Position(line, character)), [], `${line}:${character}`);
      }
    });
  });

  describe('in markdown plans', () => {
    it('on a term in docs/PLAN.md', async () => {
      const hover = await onlyHover(fileUri('docs', 'PLAN.md'), 19, 9);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [19, 8, 19, 12]);
      assert.equal(hoverText(hover), `${LORA_CARD_BODY(`**In this plan:** In progress · owner dana · ${revealLink('fine-tuning')} · ${CHART_LINK}`)}`);
    });

    it('on the longest multi-word term', async () => {
      const hover = await onlyHover(fileUri('docs', 'PLAN.md'), 20, 15);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [20, 0, 20, 23]);
      assert.ok(hoverText(hover).startsWith('**Instruction fine-tuning**: Fine-tuning on prompt and response pairs'));
    });

    it('on a stage the plan does not have, and on a custom stage\'s title', async () => {
      const quantization = await onlyHover(fileUri('docs', 'PLAN.md'), 15, 3);
      assert.ok(hoverText(quantization).includes('Belongs to **Compression / optimization / deployment** (stage 5 of 5)'));
      // No reveal link for a stage the sidebar lacks.
      assert.ok(hoverText(quantization).endsWith(`\n\n*Not in this plan.* · ${CHART_LINK}`), hoverText(quantization));
      const custom = await onlyHover(fileUri('docs', 'PLAN.md'), 11, 10);
      assert.deepEqual(rangeOf(custom.range ?? new vscode.Range(0, 0, 0, 0)), [11, 4, 11, 22]);
      assert.ok(hoverText(custom).startsWith('**Evaluation harness**: custom stage eval\\-harness'));
    });

    it('in a stage\'s plan file (docs/finetune-plan.md), plurals included', async () => {
      const hover = await onlyHover(fileUri('docs', 'finetune-plan.md'), 2, 14);
      assert.deepEqual(rangeOf(hover.range ?? new vscode.Range(0, 0, 0, 0)), [2, 11, 2, 19]);
      assert.ok(hoverText(hover).startsWith('**Adapter**:'));
    });

    it('not in markdown files that are not plans, nor on plain words', async () => {
      assert.deepEqual(await ourHovers(fileUri('README.md'), new vscode.Position(2, 22)), []);
      assert.deepEqual(await ourHovers(fileUri('docs', 'PLAN.md'), new vscode.Position(0, 3)), []);
    });
  });

  describe('settings', () => {
    afterEach(async () => {
      await setSetting('hover.enabled', undefined);
      await setSetting('hover.planFilePatterns', undefined);
    });

    it('genaiLifecycle.hover.enabled turns hovers off', async () => {
      await setSetting('hover.enabled', false);
      assert.deepEqual(await ourHovers(fileUri('docs', 'PLAN.md'), new vscode.Position(19, 9)), []);
      assert.deepEqual(await ourHovers(planUri(), new vscode.Position(10, 12)), []);
      await setSetting('hover.enabled', undefined);
      assert.equal((await ourHovers(fileUri('docs', 'PLAN.md'), new vscode.Position(19, 9))).length, 1);
    });

    it('genaiLifecycle.hover.planFilePatterns chooses the markdown plans, case-insensitively', async () => {
      await setSetting('hover.planFilePatterns', ['readme.MD']);
      assert.equal((await ourHovers(fileUri('README.md'), new vscode.Position(2, 22))).length, 1);
      assert.deepEqual(await ourHovers(fileUri('docs', 'PLAN.md'), new vscode.Position(19, 9)), []);
      // A stage's own plan file stays a plan whatever the patterns say.
      assert.equal((await ourHovers(fileUri('docs', 'finetune-plan.md'), new vscode.Position(2, 8))).length, 1);
    });

    it('genaiLifecycle.hover.planFilePatterns leaves out what a pattern starting with ! matches', async () => {
      await setSetting('hover.planFilePatterns', ['**/*.md', '!docs/plan.MD']);
      assert.equal((await ourHovers(fileUri('README.md'), new vscode.Position(2, 22))).length, 1);
      assert.deepEqual(await ourHovers(fileUri('docs', 'PLAN.md'), new vscode.Position(19, 9)), []);
    });
  });
});
