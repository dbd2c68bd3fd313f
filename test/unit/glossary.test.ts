import * as assert from 'node:assert/strict';
import { CATALOG } from '../../src/model/domain/catalog';
import { findPhraseAt, findTermAt, lookupTerm, normalizeTerm, stageOfTerm, termsInLine } from '../../src/model/presentation/glossary';
import { GLOSSARY } from '../../src/model/presentation/glossaryTerms';

/** "text→term" for each match (or "text→stage:id" for plain stage names), for compact expectations. */
function summary(line: string): string[] {
  return termsInLine(line).map((match) => `${match.text}→${match.entry ? match.entry.term : `stage:${match.stageId}`}`);
}

describe('glossary', () => {
  it('has at least 40 terms, each with a stage of the catalog and a one-line explanation', () => {
    assert.ok(GLOSSARY.length >= 40, `${GLOSSARY.length} terms`);
    const stageIds = new Set(CATALOG.map((stage) => stage.id));
    for (const entry of GLOSSARY) {
      assert.ok(stageIds.has(entry.stageId), `${entry.term} maps to a built-in stage`);
      assert.match(entry.explanation, /^[A-Z0-9].{20,140}\.$/, `${entry.term}: one sentence-like line`);
      assert.ok(!/\n/.test(entry.explanation));
    }
  });

  it('has no spelling that means two different terms', () => {
    const owner = new Map<string, string>();
    for (const entry of GLOSSARY) {
      for (const form of [entry.term, ...entry.aliases]) {
        const key = normalizeTerm(form);
        const previous = owner.get(key);
        assert.ok(previous === undefined || previous === entry.term, `"${form}" is used by ${previous} and ${entry.term}`);
        owner.set(key, entry.term);
      }
    }
  });

  it('covers every technique the catalog lists, under that technique\'s stage', () => {
    for (const stage of CATALOG) {
      for (const technique of stage.techniques) {
        const entry = lookupTerm(technique);
        assert.ok(entry, `catalog technique "${technique}" is in the glossary`);
        assert.equal(entry.stageId, stage.id, `"${technique}" belongs to ${stage.id}`);
      }
    }
  });

  it('covers the terms the issue names', () => {
    const expected: Record<string, string> = {
      LoRA: 'fine-tuning',
      QLoRA: 'fine-tuning',
      PEFT: 'fine-tuning',
      adapters: 'fine-tuning',
      'soft prompts': 'fine-tuning',
      'prompt tuning': 'fine-tuning',
      'instruction fine-tuning': 'fine-tuning',
      'full fine-tuning': 'fine-tuning',
      'catastrophic forgetting': 'fine-tuning',
      'few-shot': 'prompt-engineering',
      'zero-shot': 'prompt-engineering',
      'in-context learning': 'prompt-engineering',
      'chain-of-thought': 'prompt-engineering',
      tokenizer: 'pre-training',
      'context window': 'pre-training',
      'next-token prediction': 'pre-training',
      'foundation model': 'pre-training',
      'reward model': 'rlhf',
      RLHF: 'rlhf',
      PPO: 'rlhf',
      'KL divergence': 'rlhf',
      'reward hacking': 'rlhf',
      'helpful/honest/harmless': 'rlhf',
      quantization: 'deployment',
      int8: 'deployment',
      int4: 'deployment',
      pruning: 'deployment',
      distillation: 'deployment',
      'inference latency': 'deployment',
    };
    for (const [term, stageId] of Object.entries(expected)) {
      assert.equal(stageOfTerm(term), stageId, term);
      assert.deepEqual(summary(`we plan ${term} here`).length, 1, `"${term}" is found in a sentence`);
    }
  });

  it('finds terms case-insensitively, with plurals and any of hyphen, space or nothing between words', () => {
    assert.deepEqual(summary('lora, LORA and LoRAs; Soft Prompts and adapters; KV caches'), [
      'lora→LoRA',
      'LORA→LoRA',
      'LoRAs→LoRA',
      'Soft Prompts→Soft prompt',
      'adapters→Adapter',
      'KV caches→KV cache',
    ]);
    assert.deepEqual(summary('finetuning, fine tuning, fine-tuning and fine_tuning'), [
      'finetuning→Fine-tuning',
      'fine tuning→Fine-tuning',
      'fine-tuning→Fine-tuning',
      'fine_tuning→Fine-tuning',
    ]);
  });

  it('respects word boundaries', () => {
    assert.deepEqual(summary('explorations, ragtime, PPOx, xLoRA, quantizationist, int80'), []);
    // Acronyms take a plain "s" only: "rages" is not a plural of RAG.
    assert.deepEqual(summary('RAGs rages'), ['RAGs→Retrieval-augmented generation']);
  });

  it('takes the longest term where terms overlap', () => {
    assert.deepEqual(summary('Instruction fine-tuning, then full fine-tuning, then multi-task fine-tuning'), [
      'Instruction fine-tuning→Instruction fine-tuning',
      'full fine-tuning→Full fine-tuning',
      'multi-task fine-tuning→Multi-task fine-tuning',
    ]);
    assert.deepEqual(summary('a pre-trained model'), ['pre-trained model→Foundation model']);
  });

  it('matches multi-word terms written with punctuation', () => {
    assert.deepEqual(summary('helpful, honest and harmless; helpful/honest/harmless; HHH'), [
      'helpful, honest and harmless→Helpful, honest, harmless',
      'helpful/honest/harmless→Helpful, honest, harmless',
      'HHH→Helpful, honest, harmless',
    ]);
  });

  it('names built-in stages by id and title', () => {
    assert.deepEqual(summary('deployment, Prompt tuning and fine-tuning, Compression / optimization / deployment, Reinforcement learning / human feedback'), [
      'deployment→stage:deployment',
      'Prompt tuning and fine-tuning→stage:fine-tuning',
      'Compression / optimization / deployment→stage:deployment',
      'Reinforcement learning / human feedback→stage:rlhf',
    ]);
    // An id that is also a term reads as the term (it has an explanation).
    assert.deepEqual(summary('rlhf'), ['rlhf→RLHF']);
  });

  describe('findTermAt', () => {
    const line = 'Train a LoRA adapter with instruction fine-tuning.';
    it('returns the term whose range covers the cursor, with its columns', () => {
      for (const character of [8, 10, 12]) {
        const match = findTermAt(line, character);
        assert.deepEqual(match && [match.start, match.end, match.text, match.entry?.term], [8, 12, 'LoRA', 'LoRA'], `at ${character}`);
      }
      assert.equal(findTermAt(line, 7), undefined);
      assert.equal(findTermAt(line, 0), undefined);
      assert.equal(findTermAt(line, -1), undefined);
      assert.equal(findTermAt(line, line.length + 1), undefined);
    });

    it('returns the longest term covering the cursor, even from the middle of it', () => {
      const match = findTermAt(line, line.indexOf('tuning'));
      assert.deepEqual(match && [match.start, match.end, match.entry?.term], [26, 49, 'Instruction fine-tuning']);
    });

    it('works far into a long line', () => {
      const long = `${'filler words '.repeat(500)}then QLoRA`;
      const match = findTermAt(long, long.length - 2);
      assert.equal(match?.entry?.term, 'QLoRA');
    });
  });

  it('findPhraseAt finds run-time names such as custom stages', () => {
    const line = 'The Evaluation harness and eval-harness are ready';
    assert.deepEqual(findPhraseAt(line, 6, ['Evaluation harness', 'eval-harness']), { start: 4, end: 22, phrase: 'Evaluation harness' });
    assert.deepEqual(findPhraseAt(line, 30, ['Evaluation harness', 'eval-harness']), { start: 27, end: 39, phrase: 'eval-harness' });
    assert.equal(findPhraseAt(line, 1, ['Evaluation harness']), undefined);
    assert.equal(findPhraseAt(line, 5, ['(', '']), undefined);
  });
});
