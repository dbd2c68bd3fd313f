// What the plan's newer keys mean, on hover: `model:`, `hardware:`, and a stage's `blocked:`,
// `evidence:` and `reward-model:` change what the advisor and the estimates say, so hovering the
// key explains it. Older keys (id, status, owner...) read for themselves and get no hover.

import * as l10n from '@vscode/l10n';
import { STAGE_KEY_DOCS } from '../planFile/planLines';

/** Translated when read, like `STAGE_KEY_DOCS`. */
const KEY_DOCS: Readonly<Record<string, string>> = {
  get model() {
    return l10n.t(
      'The foundation model the plan builds on: `base` (its name), `parameters` (`8B`, `70M`, `1.5T`) and `precision` (fp32, fp16, bf16, int8, int4). Naming a base model tells the advisor pre-training can most likely be skipped; size and precision drive the GPU memory estimates.',
    );
  },
  get hardware() {
    return l10n.t(
      "The GPUs you train and serve on: `gpu` (a known name such as `A100-80GB`, `H100`, `L4`) or `memory` per GPU (`80GB`, `24 GiB`), and `count`. Every stage's GPU memory estimate is checked against count × memory.",
    );
  },
  get blocked() {
    return STAGE_KEY_DOCS.blocked;
  },
  get evidence() {
    return STAGE_KEY_DOCS.evidence;
  },
  get 'reward-model'() {
    return STAGE_KEY_DOCS['reward-model'];
  },
};

export interface KeyDocHover {
  /** Where the key's name is on the line (UTF-16 columns). */
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

/** The key's explanation when `character` is on the name of one of the keys above, as `key:` opens its line. */
export function keyDocAt(lineText: string, character: number): KeyDocHover | undefined {
  const match = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*)\s*:/.exec(lineText);
  if (!match) {
    return undefined;
  }
  const start = match[1].length;
  const key = match[2];
  const end = start + key.length;
  const doc = Object.prototype.hasOwnProperty.call(KEY_DOCS, key) ? KEY_DOCS[key] : undefined;
  if (doc === undefined || character < start || character > end) {
    return undefined;
  }
  return { start, end, markdown: `**${key}**: ${doc}` };
}
