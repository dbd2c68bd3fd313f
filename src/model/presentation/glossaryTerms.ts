// Technique terms that practitioners write in LLM project plans, each tied to the lifecycle
// stage it belongs to, with a one-line explanation (our own wording). Data only: the matcher
// that finds these terms in text is `glossary.ts`.

import * as l10n from '@vscode/l10n';
import type { BuiltInStageId } from '../domain/catalog';

export interface GlossaryEntry {
  /** The spelling shown in hovers: the English term, as practitioners write it (not translated). */
  readonly term: string;
  readonly stageId: BuiltInStageId;
  /** One line, in our own words; translated when read. */
  readonly explanation: string;
  /** Other spellings, abbreviations and inflections that mean the same thing. */
  readonly aliases: readonly string[];
}

/** `explain` runs at each read, so the explanation follows the bundle configured at activation. */
function entry(term: string, stageId: BuiltInStageId, explain: () => string, aliases: readonly string[] = []): GlossaryEntry {
  return {
    term,
    stageId,
    get explanation() {
      return explain();
    },
    aliases,
  };
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  // ---- pre-training ----
  entry('Pre-training', 'pre-training', () => l10n.t('Training a model from scratch on a very large unlabelled corpus so it picks up general language patterns.'), [
    'pre-train',
    'pre-trained',
  ]),
  entry('Foundation model', 'pre-training', () => l10n.t('A large general-purpose model trained once on broad data, which you adapt rather than train yourself.'), [
    'base model',
    'pre-trained model',
  ]),
  entry('Tokenizer', 'pre-training', () => l10n.t('Splits text into the token ids a model reads; it is fixed when the model is pre-trained.'), [
    'tokeniser',
    'tokenization',
    'tokenisation',
  ]),
  entry('Vocabulary size', 'pre-training', () => l10n.t('How many distinct tokens the tokenizer knows: a pre-training choice that trades memory against how finely text is split.'), [
    'vocabulary',
    'vocab size',
    'vocab',
  ]),
  entry('Context window', 'pre-training', () => l10n.t('The most tokens the model can attend to at once, prompt and completion together.'), ['context length', 'context size']),
  entry('Next-token prediction', 'pre-training', () => l10n.t('The objective of decoder-only pre-training: guess each token from the tokens before it.'), [
    'causal language modeling',
    'causal language modelling',
    'causal LM',
  ]),
  entry('Transformer', 'pre-training', () => l10n.t('The attention-based network design behind current large language models.'), ['transformer architecture', 'self-attention']),
  entry('Scaling laws', 'pre-training', () => l10n.t('Measured relations between parameters, training tokens and compute that guide how big a pre-training run should be.'), [
    'scaling law',
    'compute-optimal',
    'Chinchilla',
  ]),
  entry('Masked language modeling', 'pre-training', () => l10n.t('An encoder pre-training objective: recover tokens that were hidden in the input.'), [
    'masked language modelling',
    'MLM',
  ]),
  entry('Mixed precision', 'pre-training', () => l10n.t('Training with 16-bit floats for most of the arithmetic, which halves the memory each parameter needs.'), [
    'bf16',
    'bfloat16',
    'fp16',
  ]),
  entry('FSDP', 'pre-training', () => l10n.t('Sharding weights, gradients and optimizer state over many GPUs so a model too large for one device can train.'), [
    'fully sharded data parallel',
    'ZeRO',
  ]),

  // ---- prompt engineering ----
  entry('Prompt engineering', 'prompt-engineering', () => l10n.t('Improving results by rewording, structuring and adding examples to the input, without touching the weights.'), [
    'prompting',
    'prompt design',
  ]),
  entry('Zero-shot', 'prompt-engineering', () => l10n.t('Asking for a task with instructions alone, with no solved example in the prompt.'), [
    'zero-shot inference',
    'zero-shot prompting',
  ]),
  entry('One-shot', 'prompt-engineering', () => l10n.t('Putting exactly one solved example in the prompt to show the expected form of the answer.'), [
    'one-shot inference',
    'one-shot prompting',
  ]),
  entry('Few-shot', 'prompt-engineering', () => l10n.t('Putting several solved examples in the prompt so the model infers the pattern; they use up context.'), [
    'few-shot inference',
    'few-shot prompting',
  ]),
  entry('In-context learning', 'prompt-engineering', () => l10n.t('The model taking up a task from the instructions and examples in its prompt, with no weight update.'), ['ICL']),
  entry('Chain-of-thought', 'prompt-engineering', () => l10n.t('Asking for, or showing, intermediate reasoning steps before the answer; helps on multi-step problems.'), [
    'chain-of-thought prompting',
    'CoT',
  ]),
  entry('System prompt', 'prompt-engineering', () => l10n.t('Standing instructions placed ahead of the conversation that set role, tone and rules.'), ['system message']),
  entry('Temperature', 'prompt-engineering', () => l10n.t('A sampling setting: low values give focused, repeatable text, high values more varied text.')),
  entry('Top-k sampling', 'prompt-engineering', () => l10n.t('Choosing the next token only among the k most likely candidates.'), ['top-k']),
  entry('Top-p sampling', 'prompt-engineering', () => l10n.t('Choosing the next token from the smallest set whose probabilities add up to p.'), ['top-p', 'nucleus sampling']),
  entry('Greedy decoding', 'prompt-engineering', () => l10n.t('Always taking the single most likely next token: deterministic, but prone to repetition.')),
  entry('Retrieval-augmented generation', 'prompt-engineering', () => l10n.t('Fetching relevant documents at question time and adding them to the prompt, so answers rest on your data.'), ['RAG']),
  entry('Prompt template', 'prompt-engineering', () => l10n.t('A reusable prompt with placeholders filled in per request, which keeps prompts consistent and testable.')),

  // ---- prompt tuning and fine-tuning ----
  entry('Fine-tuning', 'fine-tuning', () => l10n.t('Further training on labelled examples of your task so the weights adapt to it.'), ['fine-tune', 'fine-tuned']),
  entry('Full fine-tuning', 'fine-tuning', () => l10n.t('Updating every weight: the highest ceiling, but it needs training-sized memory and a full model copy per task.')),
  entry('Instruction fine-tuning', 'fine-tuning', () => l10n.t('Fine-tuning on prompt and response pairs that demonstrate how to follow instructions.'), [
    'instruction tuning',
    'instruction-tuned',
    'supervised fine-tuning',
    'SFT',
  ]),
  entry('Multi-task fine-tuning', 'fine-tuning', () => l10n.t('Fine-tuning on a mix of tasks at once, which protects general abilities better than a single task does.'), [
    'multi-task instruction fine-tuning',
  ]),
  entry('PEFT', 'fine-tuning', () => l10n.t('Parameter-efficient methods that freeze most weights and train only a small set of new or chosen ones.'), [
    'parameter-efficient fine-tuning',
    'parameter efficient fine-tuning',
  ]),
  entry('LoRA', 'fine-tuning', () => l10n.t('Low-rank adaptation: trains small low-rank matrices next to frozen weight layers; cheap to store, mergeable for serving.'), [
    'low-rank adaptation',
  ]),
  entry('QLoRA', 'fine-tuning', () => l10n.t('LoRA on a frozen base model quantized to 4 bits, so large models can be tuned on one GPU.')),
  entry('Adapter', 'fine-tuning', () => l10n.t('A small trainable module added to a frozen model; keep one per task and swap them at load time.'), [
    'adapter layer',
    'adapter weights',
  ]),
  entry('Prompt tuning', 'fine-tuning', () => l10n.t('Learns a few embedding vectors placed before the input while the model itself stays frozen.')),
  entry('Soft prompt', 'fine-tuning', () => l10n.t('Trainable input embeddings, not words, that prompt tuning learns for a task.'), ['virtual token']),
  entry('Prefix tuning', 'fine-tuning', () => l10n.t('Like prompt tuning, but trainable vectors are added at every layer instead of only the input.')),
  entry('Catastrophic forgetting', 'fine-tuning', () => l10n.t('Tuning on one task eroding skills the model had before; check with broad evaluations.')),
  entry('ROUGE', 'fine-tuning', () => l10n.t('A metric counting overlap with reference texts, commonly used to evaluate summaries of a tuned model.')),
  entry('BLEU', 'fine-tuning', () => l10n.t('A metric of n-gram precision against reference translations, used to evaluate a tuned model.')),

  // ---- reinforcement learning from human feedback ----
  entry('RLHF', 'rlhf', () => l10n.t('Tuning the model with reinforcement learning against a reward model trained on human preference rankings.'), [
    'reinforcement learning from human feedback',
    'reinforcement learning with human feedback',
  ]),
  entry('Reward model', 'rlhf', () => l10n.t('A model that scores responses the way human raters would, standing in for them during reinforcement learning.')),
  entry('PPO', 'rlhf', () => l10n.t('Proximal policy optimization: the usual RLHF algorithm, updating the model in small clipped steps.'), [
    'proximal policy optimization',
    'proximal policy optimisation',
  ]),
  entry('KL divergence', 'rlhf', () => l10n.t('How far the tuned model has drifted from the reference model; used as a penalty that keeps it close.'), [
    'KL penalty',
    'Kullback-Leibler divergence',
  ]),
  entry('Reward hacking', 'rlhf', () => l10n.t('The model learning to please the reward model without really improving, for example through exaggerated wording.')),
  entry('Human feedback', 'rlhf', () => l10n.t('People ranking or rating model outputs: the raw material for training a reward model.'), [
    'human preference data',
    'preference data',
    'human preferences',
  ]),
  entry('Helpful, honest, harmless', 'rlhf', () => l10n.t('The three behaviours alignment usually aims for, and what a reward model is trained to favour.'), [
    'helpful, honest and harmless',
    'helpful, honest, and harmless',
    'helpful/honest/harmless',
    'HHH',
  ]),
  entry('Constitutional AI', 'rlhf', () => l10n.t('Producing preference data from a written set of principles and model self-critique, with less human labelling.')),
  entry('RLAIF', 'rlhf', () => l10n.t('Reinforcement learning where a model, not people, supplies the preference labels.'), ['reinforcement learning from AI feedback']),
  entry('DPO', 'rlhf', () => l10n.t('Direct preference optimization: learns from preference pairs directly, with no reward model or RL loop.'), [
    'direct preference optimization',
    'direct preference optimisation',
  ]),
  entry('Alignment', 'rlhf', () => l10n.t('Making the model behave as people intend and prefer.')),
  entry('Red teaming', 'rlhf', () => l10n.t('Probing the model on purpose for harmful or unwanted outputs, to find what alignment must fix.'), ['red-team']),

  // ---- compression, optimization and deployment ----
  entry('Quantization', 'deployment', () => l10n.t('Storing weights, and sometimes activations, in fewer bits to cut memory and speed up inference.'), [
    'quantisation',
    'quantized',
    'quantised',
    'quantize',
  ]),
  entry('int8', 'deployment', () => l10n.t('8-bit integer weights: a quarter of the memory of fp32, usually with a small loss of accuracy.'), ['8-bit']),
  entry('int4', 'deployment', () => l10n.t('4-bit weights: an eighth of the memory of fp32; needs careful methods to keep quality.'), ['4-bit']),
  entry('Pruning', 'deployment', () => l10n.t('Removing weights that contribute little, such as those near zero, to shrink the model.'), ['pruned', 'prune']),
  entry('Distillation', 'deployment', () => l10n.t('Training a smaller student model to reproduce the outputs of a larger teacher model.'), [
    'knowledge distillation',
    'distilled',
    'teacher model',
    'student model',
  ]),
  entry('Inference latency', 'deployment', () => l10n.t('How long a request takes to answer: the cost users feel once the model is deployed.'), ['latency', 'time to first token']),
  entry('KV cache', 'deployment', () => l10n.t('Keeps the attention keys and values of earlier tokens so each new token is cheap to generate.'), ['key-value cache']),
  entry('Batching', 'deployment', () => l10n.t('Serving several requests together to keep the accelerator busy and raise throughput.'), [
    'continuous batching',
    'dynamic batching',
  ]),
  entry('Throughput', 'deployment', () => l10n.t('How many tokens or requests per second a deployment serves.'), ['tokens per second']),
  entry('Model compression', 'deployment', () => l10n.t('Making a model smaller and cheaper to run, by pruning, quantization or distillation.')),
];
