// Line-level reading of lifecycle.yaml for editor features that work on what is being typed:
// completion (the file is often half-written and unparseable then), hovers on `id:` and
// `title:` values, and quick fixes that insert or remove whole stage items. It follows the
// block layout the scaffold and the docs use (`stages:` with `- id: ...` items); flow style
// (`[...]`, `{...}`) is left alone, and callers then offer nothing.

import * as l10n from '@vscode/l10n';
import { isBuiltInStageId, type BuiltInStageId } from '../domain/catalog';
import type { StageStatus } from '../domain/statuses';
import type { Precision, TuningMethod } from '../domain/types';

/** Every key a stage may have, in the order the docs and completion list them; the reader accepts exactly these. */
export const STAGE_KEYS = [
  'id',
  'title',
  'status',
  'note',
  'owner',
  'started',
  'completed',
  'blocked',
  'plan',
  'tasks',
  'effort',
  'evidence',
  'method',
  'precision',
  'trainable',
  'reward-model',
] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/**
 * Keys only some built-in stages read (the reader warns that the others ignore them, and
 * completion does not offer them there). Custom stages may use every key.
 */
const STAGES_READING: Partial<Record<StageKey, readonly BuiltInStageId[]>> = {
  method: ['fine-tuning', 'rlhf'],
  trainable: ['fine-tuning', 'rlhf'],
  'reward-model': ['rlhf'],
};

/** The built-in stages that read `key`, when only some do. */
export function stagesReading(key: StageKey): readonly BuiltInStageId[] | undefined {
  return STAGES_READING[key];
}

/** Whether a stage with this id reads `key` (an unknown or missing id: yes, it may be a custom stage). */
export function stageReadsKey(key: StageKey, stageId: string | undefined): boolean {
  const readers = STAGES_READING[key];
  return readers === undefined || stageId === undefined || !isBuiltInStageId(stageId) || readers.includes(stageId);
}

/** What each stage key holds, for completion documentation (our wording; translated when read). */
export const STAGE_KEY_DOCS: Readonly<Record<StageKey, string>> = {
  get id() {
    return l10n.t('The stage: a built-in id (pre-training, prompt-engineering, fine-tuning, rlhf, deployment) or your own id with a `title`.');
  },
  get title() {
    return l10n.t('Display name. Required for a custom stage; overrides the built-in name otherwise.');
  },
  get status() {
    return l10n.t('Where the stage stands: not-started, in-progress, blocked, done or skipped.');
  },
  get note() {
    return l10n.t('A short remark shown with the stage, such as why it is blocked.');
  },
  get owner() {
    return l10n.t('Who drives this stage.');
  },
  get started() {
    return l10n.t('The day work began, written YYYY-MM-DD.');
  },
  get completed() {
    return l10n.t('The day the stage was finished, written YYYY-MM-DD.');
  },
  get blocked() {
    return l10n.t('The day the stage was blocked, written YYYY-MM-DD; advice counts how long it has been stuck from it.');
  },
  get plan() {
    return l10n.t('Workspace-relative path of a markdown file with the detailed plan for this stage.');
  },
  get tasks() {
    return l10n.t('A checklist: items with `title`, `done` and an optional `owner`.');
  },
  get effort() {
    return l10n.t('For a custom stage: its cheat-sheet cells `duration`, `customization`, `objective` and `expertise`.');
  },
  get evidence() {
    return l10n.t('A list of files or globs inside the workspace folder that prove the stage done, such as `evals/report.md`.');
  },
  get method() {
    return l10n.t('Fine-tuning and RLHF: how the model is trained: full, lora, qlora or prompt-tuning.');
  },
  get precision() {
    return l10n.t("The number format of the weights in this stage (fp32, fp16, bf16, int8, int4), overriding the model's; for example int4 for deployment.");
  },
  get trainable() {
    return l10n.t('Fine-tuning and RLHF with LoRA or QLoRA: the share of parameters trained, such as `1%` or `0.01`.');
  },
  get 'reward-model'() {
    return l10n.t('RLHF: `train` to train a reward model from human feedback, `existing` to reuse one, or `existing: <name>` to name it.');
  },
};

/** What each precision means, for completion documentation (our wording; translated when read). */
export const PRECISION_DOCS: Readonly<Record<Precision, string>> = {
  fp32: '32-bit floating point: 4 bytes per parameter.',
  fp16: '16-bit floating point: 2 bytes per parameter.',
  bf16: "bfloat16, 16-bit with fp32's range: 2 bytes per parameter; the usual choice for training.",
  int8: '8-bit integers: 1 byte per parameter (quantized).',
  int4: '4-bit integers: half a byte per parameter (quantized, as QLoRA stores its base model).',
};

/** What each tuning method means, for completion documentation (our wording; translated when read). */
export const METHOD_DOCS: Readonly<Record<TuningMethod, string>> = {
  get full() {
    return l10n.t('Full fine-tuning: every weight is trained.');
  },
  get lora() {
    return l10n.t('LoRA: the model is frozen and small low-rank adapters are trained.');
  },
  get qlora() {
    return l10n.t('QLoRA: LoRA on a 4-bit quantized base model.');
  },
  get 'prompt-tuning'() {
    return l10n.t('Prompt tuning: only a few soft-prompt vectors are trained.');
  },
};

/** The words `reward-model:` takes; `existing` may also be a mapping that names the model. */
export const REWARD_MODEL_WORDS = ['train', 'existing'] as const;

/** What each `reward-model:` word means, for completion documentation (our wording; translated when read). */
export const REWARD_MODEL_DOCS: Readonly<Record<(typeof REWARD_MODEL_WORDS)[number], string>> = {
  get train() {
    return l10n.t('Train a reward model from human feedback first (the slow part of RLHF).');
  },
  get existing() {
    return l10n.t('Reuse an existing reward model; write `existing: <name>` as a mapping to name it.');
  },
};

/** Keys whose value completion offers, with the values in the order they are listed. */
export const VALUE_KEYS = ['status', 'id', 'method', 'precision', 'reward-model'] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

/** What each status means, for completion documentation (our wording; translated when read). */
export const STATUS_DOCS: Readonly<Record<StageStatus, string>> = {
  get 'not-started'() {
    return l10n.t('Planned, no work yet.');
  },
  get 'in-progress'() {
    return l10n.t('Work is under way.');
  },
  get blocked() {
    return l10n.t('Waiting on something outside the stage; say what in `note`.');
  },
  get done() {
    return l10n.t('Finished.');
  },
  get skipped() {
    return l10n.t('Deliberately not done, for example pre-training when you start from a foundation model.');
  },
};

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Whether a line has no content: blank or only a comment. */
function isBlankOrComment(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** Where the items of the root `stages:` sequence sit. */
export interface StagesLayout {
  /** Line of `stages:`. */
  readonly stagesLine: number;
  /** First line after the stages block (the next root-level key, or the line count). */
  readonly endLine: number;
  /** Column of each item's `-`. */
  readonly dashColumn: number;
  /** Column of the keys of a stage mapping. */
  readonly keyColumn: number;
}

export function stagesLayout(lines: readonly string[]): StagesLayout | undefined {
  const stagesLine = lines.findIndex((line) => /^stages[ \t]*:[ \t]*(#.*)?$/.test(line));
  if (stagesLine < 0) {
    return undefined;
  }
  let endLine = lines.length;
  for (let line = stagesLine + 1; line < lines.length; line++) {
    const text = lines[line];
    if (!isBlankOrComment(text) && /^[^\s#-]/.test(text)) {
      endLine = line;
      break;
    }
  }
  for (let line = stagesLine + 1; line < endLine; line++) {
    const text = lines[line];
    if (isBlankOrComment(text)) {
      continue;
    }
    const item = /^( *)-( +)\S/.exec(text);
    if (!item) {
      return undefined; // Not a block sequence of stages.
    }
    return { stagesLine, endLine, dashColumn: item[1].length, keyColumn: item[1].length + 1 + item[2].length };
  }
  // `stages:` with no items yet: the scaffold's layout.
  return { stagesLine, endLine, dashColumn: 2, keyColumn: 4 };
}

/** The lines of one stage item: from its `-` line to before the next item or the end of the block. */
export interface StageBlock {
  readonly startLine: number;
  /** Exclusive; trailing blank and comment lines are not part of the block. */
  readonly endLine: number;
  /** Keys written at the stage's key column (including the one on the `-` line), with their lines. */
  readonly keys: readonly { readonly name: string; readonly line: number }[];
}

/** The stage item containing `line`, when the line is inside the stages block. */
export function stageBlockAt(lines: readonly string[], line: number, layout = stagesLayout(lines)): StageBlock | undefined {
  if (!layout || line <= layout.stagesLine || line >= layout.endLine) {
    return undefined;
  }
  const isItemStart = (text: string): boolean => text.length > layout.dashColumn && indentOf(text) === layout.dashColumn && text[layout.dashColumn] === '-';
  let startLine = line;
  while (startLine > layout.stagesLine && !isItemStart(lines[startLine])) {
    startLine--;
  }
  if (startLine === layout.stagesLine) {
    return undefined;
  }
  let endLine = startLine + 1;
  while (endLine < layout.endLine && !isItemStart(lines[endLine]) && (isBlankOrComment(lines[endLine]) || indentOf(lines[endLine]) > layout.dashColumn)) {
    endLine++;
  }
  while (endLine > startLine + 1 && isBlankOrComment(lines[endLine - 1])) {
    endLine--;
  }
  const keys: { name: string; line: number }[] = [];
  const first = /^ *- +([A-Za-z_][\w-]*)[ \t]*:/.exec(lines[startLine]);
  if (first) {
    keys.push({ name: first[1], line: startLine });
  }
  const keyPattern = new RegExp(`^ {${layout.keyColumn}}([A-Za-z_][\\w-]*)[ \\t]*:`);
  for (let index = startLine + 1; index < endLine; index++) {
    const key = keyPattern.exec(lines[index]);
    if (key) {
      keys.push({ name: key[1], line: index });
    }
  }
  return { startLine, endLine, keys };
}

/** What completion can offer at a position. Columns are in the cursor's line. */
export type CompletionSpot =
  | { readonly kind: ValueKey; readonly start: number; readonly end: number; readonly typed: string }
  | {
      readonly kind: 'stage-key';
      readonly start: number;
      readonly end: number;
      readonly typed: string;
      readonly present: readonly string[];
      /** The stage's id, when its `id:` is written: keys it would ignore are not offered. */
      readonly stageId?: string;
    };

const VALUE_PATTERN = new RegExp(`^ *(?:- +)?(${VALUE_KEYS.join('|')})[ \\t]*:[ \\t]*([\\w-]*)$`);

/**
 * The completion spot at a cursor: the value after one of `VALUE_KEYS`, or a key position of a
 * stage mapping. `start`..`end` is the word the completion replaces.
 */
export function completionSpotAt(lines: readonly string[], line: number, character: number): CompletionSpot | undefined {
  const text = lines[line];
  if (text === undefined) {
    return undefined;
  }
  const before = text.slice(0, character);
  const after = /^[\w-]*/.exec(text.slice(character))?.[0] ?? '';
  const value = VALUE_PATTERN.exec(before);
  if (value) {
    const typed = value[2];
    return { kind: value[1] as ValueKey, start: character - typed.length, end: character + after.length, typed };
  }
  const key = /^( *)(- +)?([A-Za-z_]*)$/.exec(before);
  if (!key) {
    return undefined;
  }
  const layout = stagesLayout(lines);
  if (!layout || line <= layout.stagesLine || line >= layout.endLine) {
    return undefined;
  }
  // A new item starts at the dash column (`- |`); further keys sit at the key column.
  const column = key[2] !== undefined ? layout.dashColumn : layout.keyColumn;
  const block = key[1].length === column ? stageBlockAt(lines, line, layout) : undefined;
  if (!block) {
    return undefined;
  }
  const typed = key[3];
  const present = block.keys.filter((found) => found.line !== line).map((found) => found.name);
  const stageId = blockStageId(lines, block);
  return { kind: 'stage-key', start: character - typed.length, end: character + after.length, typed, present, ...(stageId !== undefined && { stageId }) };
}

/** A `key: value` of a stage found in a line, with the value's columns (quotes excluded). */
export interface FieldValue {
  readonly key: string;
  /** Column of the key (after any `- `). */
  readonly keyColumn: number;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** The `id:` or `title:` value in a line (block style), if the line holds one. */
export function idOrTitleValue(text: string): FieldValue | undefined {
  const found = /^( *(?:- +)?)(id|title)([ \t]*:[ \t]+)(.*)$/.exec(text);
  if (!found) {
    return undefined;
  }
  const valueStart = found[1].length + found[2].length + found[3].length;
  const raw = found[4];
  let value: string;
  let start = valueStart;
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const close = raw.indexOf(quote, 1);
    if (close < 0) {
      return undefined;
    }
    value = raw.slice(1, close);
    start += 1;
  } else {
    // A plain scalar ends at ` #` (a comment) or the end of the line.
    const comment = raw.search(/[ \t]#/);
    value = (comment < 0 ? raw : raw.slice(0, comment)).trimEnd();
  }
  if (value === '') {
    return undefined;
  }
  return { key: found[2], keyColumn: found[1].length, value, start, end: start + value.length };
}

/** A stage's `id:` or `title:` value under the cursor, and the id of the stage it belongs to. */
export interface StageFieldHit {
  readonly key: 'id' | 'title';
  readonly stageId: string;
  /** Columns of the value in the cursor's line. */
  readonly start: number;
  readonly end: number;
}

/** The stage id or title value at a cursor (not a task's title: only keys at the stage's key column count). */
export function stageFieldAt(lines: readonly string[], line: number, character: number): StageFieldHit | undefined {
  const field = idOrTitleValue(lines[line] ?? '');
  if (!field || character < field.start || character > field.end) {
    return undefined;
  }
  const stageId = stageIdOfKey(lines, line, field.keyColumn);
  if (stageId === undefined) {
    return undefined;
  }
  return { key: field.key as 'id' | 'title', stageId, start: field.start, end: field.end };
}

/** The id of the stage whose key is written at `keyColumn` of `line` (not a task's or a nested mapping's key). */
export function stageIdOfKey(lines: readonly string[], line: number, keyColumn: number): string | undefined {
  const layout = stagesLayout(lines);
  if (!layout || keyColumn !== layout.keyColumn) {
    return undefined;
  }
  const block = stageBlockAt(lines, line, layout);
  return block && blockStageId(lines, block);
}

/** The `id:` value written in a stage block, if any. */
function blockStageId(lines: readonly string[], block: StageBlock): string | undefined {
  const idKey = block.keys.find((key) => key.name === 'id');
  const id = idKey && idOrTitleValue(lines[idKey.line]);
  return id?.key === 'id' ? id.value : undefined;
}
