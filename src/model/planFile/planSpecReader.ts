// Reads what a plan says about the model and the work beyond statuses and tasks: the root
// `model:` and `hardware:`, and a stage's `blocked`, `evidence`, `method`, `precision`,
// `trainable` and `reward-model`. Strict, like domain/sizes.ts: a value is taken as written or
// refused with a diagnostic on it (and left out of the plan), never guessed. Kept apart from
// planReader.ts, which calls it with the generic field readers it shares.

import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap } from 'yaml';
import { isBuiltInStageId } from '../domain/catalog';
import { checkEvidenceEntry } from '../domain/evidence';
import { resolveHardware } from '../domain/gpus';
import { parseMemorySize, parseParameterCount, parseTrainableShare, type Result } from '../domain/sizes';
import { PRECISIONS, TUNING_METHODS, type HardwareSpec, type ModelSpec, type Plan, type PlanStage, type RewardModelPlan } from '../domain/types';
import { presentValue, YamlNode } from './analysis';
import type { DiagnosticCollector } from './diagnosticCollector';
import { REWARD_MODEL_WORDS, STAGE_KEYS, stageReadsKey, stagesReading } from './planLines';

export const MODEL_KEYS = ['base', 'parameters', 'precision'] as const;
export const HARDWARE_KEYS = ['gpu', 'memory', 'count'] as const;
const REWARD_MODEL_KEYS = ['existing'] as const;

/** How `reward-model:` is written, for messages. */
function rewardModelForms(): string {
  return l10n.t('write `train` to train one from human feedback, `existing` to reuse one, or the mapping `existing: <name>` to name the one reused');
}

/** The generic readers of planReader.ts this reader shares, so both report alike. */
export interface FieldReaders {
  /** Pairs by key; keys outside `known` are reported as unknown. */
  collectFields(map: YAMLMap, known: readonly string[], where: string): Map<string, Pair>;
  readString(pair: Pair | undefined, name: string): string | undefined;
  readDate(pair: Pair | undefined, name: string): string | undefined;
}

export type PlanSpecs = Pick<Plan, 'model' | 'hardware'>;
export type StageExtras = Pick<PlanStage, 'blocked' | 'evidence' | 'method' | 'precision' | 'trainable' | 'rewardModel'>;

export class PlanSpecReader {
  constructor(
    private readonly diagnostics: DiagnosticCollector,
    private readonly fields: FieldReaders,
  ) {}

  // ---- root -----------------------------------------------------------------------------

  readRoot(root: ReadonlyMap<string, Pair>): PlanSpecs {
    const model = this.readModel(root.get('model'));
    const hardware = this.readHardware(root.get('hardware'));
    return { ...(model !== undefined && { model }), ...(hardware !== undefined && { hardware }) };
  }

  private readModel(pair: Pair | undefined): ModelSpec | undefined {
    const map = this.mappingOf(pair, 'model', l10n.t('a mapping of base, parameters and precision'));
    if (!map) {
      return undefined;
    }
    const fields = this.fields.collectFields(map, MODEL_KEYS, l10n.t('in `model`'));
    const base = this.fields.readString(fields.get('base'), 'base');
    const parameters = this.readSize(fields.get('parameters'), 'parameters', l10n.t('a parameter count such as 8B'), parseParameterCount);
    const precision = this.readWord(fields.get('precision'), 'precision', PRECISIONS);
    const model: ModelSpec = {
      ...(base !== undefined && { base }),
      ...(parameters !== undefined && { parameters }),
      ...(precision !== undefined && { precision }),
    };
    return Object.keys(model).length > 0 ? model : undefined;
  }

  private readHardware(pair: Pair | undefined): HardwareSpec | undefined {
    const map = this.mappingOf(pair, 'hardware', l10n.t('a mapping of gpu, memory and count'));
    if (!map || !pair) {
      return undefined;
    }
    const fields = this.fields.collectFields(map, HARDWARE_KEYS, l10n.t('in `hardware`'));
    const gpu = this.fields.readString(fields.get('gpu'), 'gpu');
    const memoryBytes = this.readSize(fields.get('memory'), 'memory', l10n.t('a memory size such as 80GB'), parseMemorySize);
    const count = this.readCount(fields.get('count'));
    const hardware: HardwareSpec = {
      ...(gpu !== undefined && { gpu }),
      ...(memoryBytes !== undefined && { memoryBytes }),
      ...(count !== undefined && { count }),
    };
    if (Object.keys(hardware).length === 0) {
      return undefined;
    }
    // With `memory:` written (even wrongly, which is reported there) the card's name is free text.
    if (!fields.has('memory')) {
      this.checkGpuIsSized(hardware, fields.get('gpu'), pair);
    }
    return hardware;
  }

  /** A GPU we cannot size is a warning: the plan is fine, but no estimate can be checked against it. */
  private checkGpuIsSized(hardware: HardwareSpec, gpuPair: Pair | undefined, hardwarePair: Pair): void {
    const resolved = resolveHardware({ ...(hardware.gpu !== undefined && { gpu: hardware.gpu }) });
    if (resolved.ok) {
      return;
    }
    const gpuValue = gpuPair ? presentValue(gpuPair) : undefined;
    const target = hardware.gpu?.trim() ? gpuValue : (gpuPair?.key ?? hardwarePair.key);
    this.diagnostics.reportAt('unknown-gpu', 'warning', resolved.message, target as YamlNode | null, { value: hardware.gpu ?? '' });
  }

  private readCount(pair: Pair | undefined): number | undefined {
    const value = this.scalarOf(pair, 'count', l10n.t('a whole number of GPUs, such as 2'));
    if (!value) {
      return undefined;
    }
    if (typeof value.value === 'number' && Number.isSafeInteger(value.value) && value.value >= 1) {
      return value.value;
    }
    const written = writtenText(value);
    const message = l10n.t('`count` is how many GPUs there are: a whole number of at least 1, such as 2; "{0}" is ignored.', written);
    this.diagnostics.reportAt('invalid-value', 'error', message, value, { key: 'count', value: written });
    return undefined;
  }

  // ---- stage ----------------------------------------------------------------------------

  /** `stageId` is undefined when the stage has no usable id; its fields are still checked. */
  readStage(fields: ReadonlyMap<string, Pair>, stageId: string | undefined): StageExtras {
    const blocked = this.fields.readDate(fields.get('blocked'), 'blocked');
    const evidence = this.readEvidence(fields.get('evidence'));
    const method = this.readWord(fields.get('method'), 'method', TUNING_METHODS);
    const precision = this.readWord(fields.get('precision'), 'precision', PRECISIONS);
    const trainable = this.readSize(fields.get('trainable'), 'trainable', l10n.t('a share such as 1%'), parseTrainableShare);
    const rewardModel = this.readRewardModel(fields.get('reward-model'));
    this.warnIgnoredKeys(fields, stageId, method);
    return {
      ...(blocked !== undefined && { blocked }),
      ...(evidence !== undefined && { evidence }),
      ...(method !== undefined && { method }),
      ...(precision !== undefined && { precision }),
      ...(trainable !== undefined && { trainable }),
      ...(rewardModel !== undefined && { rewardModel }),
    };
  }

  /** Keys this built-in stage does not read are kept but flagged, so the author knows they do nothing. */
  private warnIgnoredKeys(fields: ReadonlyMap<string, Pair>, stageId: string | undefined, method: string | undefined): void {
    if (stageId === undefined || !isBuiltInStageId(stageId)) {
      return;
    }
    for (const key of STAGE_KEYS) {
      const pair = fields.get(key);
      if (pair && !stageReadsKey(key, stageId)) {
        const message = l10n.t('`{0}` is read for {1} only; the {2} stage ignores it.', key, (stagesReading(key) ?? []).join(l10n.t(' and ')), stageId);
        this.diagnostics.reportAt('ignored-key', 'warning', message, pair.key as YamlNode | null, { key });
      }
    }
    const trainable = fields.get('trainable');
    if (trainable && stageReadsKey('trainable', stageId) && (method === 'full' || method === 'prompt-tuning')) {
      const message = l10n.t('`trainable` is used by LoRA and QLoRA only; method {0} ignores it.', method);
      this.diagnostics.reportAt('ignored-key', 'warning', message, trainable.key as YamlNode | null, { key: 'trainable' });
    }
  }

  private readEvidence(pair: Pair | undefined): string[] | undefined {
    const value = this.valueOf(pair, 'evidence', l10n.t('a list of files or globs inside the workspace folder (`- evals/report.md`)'), isSeq);
    if (!value) {
      return undefined;
    }
    const entries: string[] = [];
    for (const item of value.items) {
      if (!isScalar(item)) {
        this.diagnostics.reportNotMapping(item, l10n.t('Each evidence entry is text: a file or glob inside the workspace folder, such as `evals/report.md`.'));
        continue;
      }
      const written = item.value === null || item.value === undefined ? '' : writtenText(item);
      const check = checkEvidenceEntry(written);
      if (check.ok) {
        entries.push(check.path);
      } else {
        this.diagnostics.reportAt('invalid-evidence', 'error', check.message, item, { value: written });
      }
    }
    return entries.length > 0 ? entries : undefined;
  }

  private readRewardModel(pair: Pair | undefined): RewardModelPlan | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (isMap(value)) {
      return this.readNamedRewardModel(value);
    }
    if (!isScalar(value)) {
      this.diagnostics.reportWrongType(pair, 'reward-model', l10n.t('`train`, `existing` or `existing: <name>`'));
      return undefined;
    }
    const written = writtenText(value);
    if (written === 'train' || written === 'existing') {
      return { kind: written };
    }
    const message = l10n.t('Unknown reward model "{0}"{1}: {2}.', written, lowerCaseHint(written, REWARD_MODEL_WORDS), rewardModelForms());
    this.diagnostics.reportAt('invalid-value', 'error', message, value, { key: 'reward-model', value: written });
    return undefined;
  }

  /** `reward-model: {existing: org/name}`; `existing:` left empty reads as plain `existing`. */
  private readNamedRewardModel(map: YAMLMap): RewardModelPlan | undefined {
    const fields = this.fields.collectFields(map, REWARD_MODEL_KEYS, l10n.t('in `reward-model`'));
    const existing = fields.get('existing');
    if (!existing) {
      const message = l10n.t('A `reward-model` mapping names an existing reward model (`existing: <name>`); otherwise {0}.', rewardModelForms());
      this.diagnostics.reportAt('invalid-value', 'error', message, map, { key: 'reward-model' });
      return undefined;
    }
    const name = this.fields.readString(existing, 'existing');
    return name !== undefined && name.trim() !== '' ? { kind: 'existing', name } : { kind: 'existing' };
  }

  // ---- values ---------------------------------------------------------------------------

  /** The value under `pair` when it is of the kind `is` checks; undefined when absent (`key:` alone too) or reported as the wrong type. */
  private valueOf<T>(pair: Pair | undefined, name: string, expected: string, is: (node: unknown) => node is T): T | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (!is(value)) {
      this.diagnostics.reportWrongType(pair, name, expected);
      return undefined;
    }
    return value;
  }

  private mappingOf(pair: Pair | undefined, name: string, expected: string): YAMLMap | undefined {
    return this.valueOf(pair, name, expected, isMap);
  }

  private scalarOf(pair: Pair | undefined, name: string, expected: string): Scalar | undefined {
    return this.valueOf(pair, name, expected, isScalar);
  }

  /** A size through its strict domain parser: YAML numbers as numbers, anything else as its text. */
  private readSize(pair: Pair | undefined, name: string, expected: string, parseSize: (input: string | number) => Result<number>): number | undefined {
    const value = this.scalarOf(pair, name, expected);
    if (!value) {
      return undefined;
    }
    const result = parseSize(typeof value.value === 'number' ? value.value : writtenText(value));
    if (result.ok) {
      return result.value;
    }
    this.diagnostics.reportAt('invalid-size', 'error', `\`${name}\`: ${result.message}`, value, { key: name, value: writtenText(value) });
    return undefined;
  }

  /** One of a fixed set of lower-case words (precision, method). */
  private readWord<T extends string>(pair: Pair | undefined, name: string, words: readonly T[]): T | undefined {
    const value = this.scalarOf(pair, name, l10n.t('one of {0}', words.join(', ')));
    if (!value) {
      return undefined;
    }
    const written = writtenText(value);
    const word = words.find((candidate) => candidate === written);
    if (word !== undefined) {
      return word;
    }
    const message = l10n.t('Unknown {0} "{1}"{2}: use one of {3}.', name, written, lowerCaseHint(written, words), words.join(', '));
    this.diagnostics.reportAt('invalid-value', 'error', message, value, { key: name, value: written });
    return undefined;
  }
}

/** A scalar's text: strings as read, other scalars exactly as written (`16`, `true`). */
function writtenText(scalar: Scalar): string {
  if (typeof scalar.value === 'string') {
    return scalar.value;
  }
  return typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
}

/** " (lower case: bf16)" when only the case is wrong: a hint, not a guess, since the value is still refused. */
function lowerCaseHint(written: string, words: readonly string[]): string {
  const lower = words.find((word) => word === written.toLowerCase());
  return lower === undefined ? '' : l10n.t(' (write it in lower case: {0})', lower);
}
