import * as assert from 'node:assert/strict';
import type { Plan } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { escapeMarkdown } from '../../src/model/presentation/markdown';
import {
  effortCells,
  escapeIcons,
  openStagesTooltip,
  problemsLabel,
  progressSummary,
  shortTitle,
  stageAccessibilityLabel,
  stageDescription,
  stageTooltipMarkdown,
  STATUS_LOOKS,
  statusBarPresentation,
} from '../../src/model/presentation/treeLabels';

function planOf(text: string): Plan {
  const result = parse(text);
  assert.ok(result.plan, 'the test plan parses');
  return result.plan;
}

const PLAN = planOf(`version: 1
stages:
  - id: pre-training
    status: skipped
  - id: fine-tuning
    status: in-progress
    owner: dana
    note: "Use *LoRA* [not full] <b>tuning</b>"
  - id: red-team
    title: Red teaming $(flame)
    status: not-started
    effort:
      objective: Find harmful outputs
      expertise: High
`);

describe('views presentation', () => {
  it('tells every status apart by icon shape', () => {
    const icons = Object.values(STATUS_LOOKS).map((look) => look.icon);
    assert.equal(new Set(icons).size, icons.length);
  });

  it('describes a stage by status, owner and whether it is current', () => {
    const [preTraining, fineTuning] = PLAN.stages;
    assert.equal(stageDescription(preTraining, false), 'Skipped');
    assert.equal(stageDescription(fineTuning, true), 'In progress · dana · current');
    assert.equal(stageAccessibilityLabel(fineTuning, true), 'Prompt tuning and fine-tuning, In progress, owner dana, current stage');
  });

  it('takes built-in cells from the catalog and custom cells from the file', () => {
    assert.deepEqual(
      effortCells(PLAN.stages[1]).map((cell) => cell.label),
      ['Training duration', 'Customization', 'Objective', 'Expertise'],
    );
    assert.deepEqual(effortCells(PLAN.stages[2]), [
      { label: 'Objective', value: 'Find harmful outputs' },
      { label: 'Expertise', value: 'High' },
    ]);
  });

  it('escapes plan text in tooltips so it shows literally', () => {
    const tooltip = stageTooltipMarkdown(PLAN.stages[1], false);
    assert.ok(tooltip.endsWith('**Note:** Use \\*LoRA\\* \\[not full\\] \\<b\\>tuning\\</b\\>'), tooltip);
    assert.equal(escapeMarkdown('a_b\nc|d'), 'a\\_b  \nc\\|d');
    // The same marks as in hovers: no autolink, no icon.
    assert.equal(escapeMarkdown('see https://x $(zap)'), 'see https\\://x \\$\\(zap\\)');
  });

  it('keeps icon syntax in titles from rendering as icons', () => {
    assert.equal(escapeIcons('Red teaming $(flame) $(x'), 'Red teaming \\$(flame) $(x');
    assert.equal(shortTitle(PLAN.stages[1]), 'Fine-tuning');
    assert.equal(shortTitle(PLAN.stages[2]), 'Red teaming $(flame)');
  });

  it('summarises progress for the status bar and folder rows', () => {
    assert.equal(progressSummary(PLAN), 'Fine-tuning · 1/3');
    const bar = statusBarPresentation(PLAN, undefined);
    assert.equal(bar.text, '$(milestone) Fine-tuning · 1/3');
    assert.equal(bar.tooltip, 'GenAI Lifecycle: Current stage: Prompt tuning and fine-tuning (in progress). 1 of 3 stages finished. Click to show the stages.');
    assert.equal(statusBarPresentation(PLAN, 'alpha').accessibilityLabel, 'GenAI Lifecycle. Current stage: Prompt tuning and fine-tuning (in progress). 1 of 3 stages finished in alpha.');

    const blocked = planOf('version: 1\nstages:\n  - id: rlhf\n    status: done\n  - id: deployment\n    status: blocked\n');
    assert.equal(progressSummary(blocked), 'Blocked: Deployment · 1/2');
    const finished = planOf('version: 1\nstages:\n  - id: rlhf\n    status: done\n');
    assert.equal(progressSummary(finished), 'All stages finished · 1/1');
    assert.equal(progressSummary(planOf('version: 1\nstages: []\n')), 'No stages · 0/0');
  });

  it('counts in words', () => {
    assert.equal(problemsLabel('lifecycle.yaml', 1), 'lifecycle.yaml has 1 problem');
    assert.equal(problemsLabel('plan.yml', 3), 'plan.yml has 3 problems');
    assert.equal(openStagesTooltip(1), '1 stage still open');
    assert.equal(openStagesTooltip(4), '4 stages still open');
  });
});
