import * as assert from 'node:assert/strict';
import { BUILT_IN_STAGE_IDS, CATALOG, catalogStage, DURATION_SCALE, EXPERTISE_LEVELS, isBuiltInStageId, type ExpertiseLabel } from '../../src/model/domain/catalog';

/** The course cheat-sheet chart, cell by cell (reference: cheat-sheet-chart.md). */
const CHEAT_SHEET = [
  {
    id: 'pre-training',
    title: 'Pre-training',
    trainingDuration: 'Days to weeks to months',
    customization:
      'Determine model architecture, size and tokenizer. Choose vocabulary size and # of tokens for input/context. Large amount of domain training data',
    objective: 'Next-token prediction',
    expertise: 'High',
  },
  {
    id: 'prompt-engineering',
    title: 'Prompt engineering',
    trainingDuration: 'Not required',
    customization: 'No model weights. Only prompt customization',
    objective: 'Increase task performance',
    expertise: 'Low',
  },
  {
    id: 'fine-tuning',
    title: 'Prompt tuning and fine-tuning',
    trainingDuration: 'Minutes to hours',
    customization: 'Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights',
    objective: 'Increase task performance',
    expertise: 'Medium',
  },
  {
    id: 'rlhf',
    title: 'Reinforcement learning / human feedback',
    trainingDuration: 'Minutes to hours, similar to fine-tuning',
    customization:
      'Need separate reward model to align with human goals (helpful, honest, harmless). Update LLM model or adapter weights',
    objective: 'Increase alignment with human preferences',
    expertise: 'Medium-High',
  },
  {
    id: 'deployment',
    title: 'Compression / optimization / deployment',
    trainingDuration: 'Minutes to hours',
    customization:
      'Reduce model size through model pruning, weight quantization, distillation. Smaller size, faster inference',
    objective: 'Increase inference performance',
    expertise: 'Medium',
  },
] as const;

describe('catalog', () => {
  it('lists the five built-in stages in lifecycle order', () => {
    assert.deepEqual(BUILT_IN_STAGE_IDS, ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment']);
    assert.deepEqual(
      CATALOG.map((stage) => stage.order),
      [1, 2, 3, 4, 5],
    );
  });

  for (const expected of CHEAT_SHEET) {
    it(`has the cheat-sheet cells of ${expected.id} verbatim`, () => {
      const stage = catalogStage(expected.id);
      assert.ok(stage);
      assert.equal(stage.title, expected.title);
      assert.equal(stage.trainingDuration, expected.trainingDuration);
      assert.equal(stage.customization, expected.customization);
      assert.equal(stage.objective, expected.objective);
      assert.equal(stage.expertise, expected.expertise);
    });
  }

  it('keeps the chart scales consistent with the labels', () => {
    for (const stage of CATALOG) {
      assert.equal(stage.expertiseLevel, EXPERTISE_LEVELS[stage.expertise as ExpertiseLabel], stage.id);
      assert.ok(stage.durationLevel >= 0 && stage.durationLevel < DURATION_SCALE.length, stage.id);
      assert.ok(stage.guidance.length > 0 && stage.techniques.length > 0, stage.id);
    }
  });

  it('recognizes built-in ids only', () => {
    assert.equal(isBuiltInStageId('rlhf'), true);
    assert.equal(isBuiltInStageId('RLHF'), false);
    assert.equal(isBuiltInStageId('eval-harness'), false);
    assert.equal(catalogStage('__proto__'), undefined);
    assert.equal(catalogStage('constructor'), undefined);
  });
});
