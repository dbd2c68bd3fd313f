// Where in lifecycle.yaml a key that an estimate depends on is written, for hovers: the
// model's `parameters:` and `precision:`, and a stage's `method:`, `precision:` and
// `trainable:`. Line-level like planLines (it works on what is being typed), block style only.

import { stageIdOfKey } from './planLines';

export const MODEL_ESTIMATE_KEYS = ['parameters', 'precision'] as const;
export const STAGE_ESTIMATE_KEYS = ['method', 'precision', 'trainable'] as const;

export type EstimateKeyHit =
  | { readonly scope: 'model'; readonly key: (typeof MODEL_ESTIMATE_KEYS)[number]; readonly start: number; readonly end: number }
  | { readonly scope: 'stage'; readonly key: (typeof STAGE_ESTIMATE_KEYS)[number]; readonly stageId: string; readonly start: number; readonly end: number };

/** `key: value` in a line: the key's column and where the value ends (before a comment). */
function keyValueSpan(text: string, keys: readonly string[]): { key: string; keyColumn: number; end: number } | undefined {
  const found = /^( *(?:- +)?)([A-Za-z_][\w-]*)[ \t]*:(.*)$/.exec(text);
  if (!found || !keys.includes(found[2])) {
    return undefined;
  }
  const keyColumn = found[1].length;
  const rest = found[3];
  const comment = rest.search(/(^|[ \t])#/);
  const value = (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
  return { key: found[2], keyColumn, end: keyColumn + found[2].length + 1 + value.length };
}

/** The estimate key under the cursor (anywhere on its `key: value`), if any. */
export function estimateKeyAt(lines: readonly string[], line: number, character: number): EstimateKeyHit | undefined {
  const text = lines[line];
  if (text === undefined) {
    return undefined;
  }
  const inSpan = (span: { keyColumn: number; end: number }): boolean => character >= span.keyColumn && character <= span.end;
  const modelSpan = keyValueSpan(text, MODEL_ESTIMATE_KEYS);
  if (modelSpan && inSpan(modelSpan) && modelKeyColumn(lines, line) === modelSpan.keyColumn) {
    return { scope: 'model', key: modelSpan.key as (typeof MODEL_ESTIMATE_KEYS)[number], start: modelSpan.keyColumn, end: modelSpan.end };
  }
  const stageSpan = keyValueSpan(text, STAGE_ESTIMATE_KEYS);
  if (!stageSpan || !inSpan(stageSpan)) {
    return undefined;
  }
  const stageId = stageIdOfKey(lines, line, stageSpan.keyColumn);
  return stageId === undefined ? undefined : { scope: 'stage', key: stageSpan.key as (typeof STAGE_ESTIMATE_KEYS)[number], stageId, start: stageSpan.keyColumn, end: stageSpan.end };
}

/** The column of the keys directly under a root `model:` that contains `line`, if it does. */
function modelKeyColumn(lines: readonly string[], line: number): number | undefined {
  let column: number | undefined;
  for (let index = line; index >= 0; index--) {
    const text = lines[index];
    if (/^\s*(#.*)?$/.test(text)) {
      continue;
    }
    const indent = /^ */.exec(text)?.[0].length ?? 0;
    if (indent === 0) {
      return /^model[ \t]*:[ \t]*(#.*)?$/.test(text) ? column : undefined;
    }
    column = column === undefined ? indent : Math.min(column, indent);
  }
  return undefined;
}
