// Quick fixes for the plan's diagnostics, as pure text edits: the closest valid status, the
// closest built-in stage id, a `title:` that turns an unknown id into a custom stage, and
// removing or renaming a stage whose id is taken. The editor side only turns these into a
// WorkspaceEdit.

import * as l10n from '@vscode/l10n';
import { BUILT_IN_STAGE_IDS, catalogStage, type BuiltInStageId } from '../domain/catalog';
import { STAGE_STATUSES, type StageStatus } from '../domain/statuses';
import type { Range } from '../domain/types';
import { ESTIMATE_DIAGNOSTIC_CODE, FIX_METHODS } from '../presentation/estimateDiagnostics';
import { METHOD_LABELS } from '../presentation/estimateText';
import { stageOfTerm } from '../presentation/glossary';
import { edit } from './edit';
import { splitLines, stageBlockAt } from './planLines';
import { formatScalar } from './scalar';
import { dominantEol, LineIndex, lineBreakAt } from './text';
import type { PlanDiagnostic, TextEdit } from './types';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply with "auto fix" / the light bulb's first entry. */
  readonly preferred: boolean;
}

/** Damerau-Levenshtein distance (adjacent transpositions count as one edit). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_row, i) => Array.from({ length: columns }, (_column, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, table[i - 2][j - 2] + 1);
      }
      table[i][j] = best;
    }
  }
  return table[a.length][b.length];
}

/** Lower case, with spaces and underscores as hyphens: "In Progress" and "in_progress" read as "in-progress". */
function normalizeWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Words people write for a status that our five do not spell that way. */
const STATUS_SYNONYMS: Readonly<Record<string, StageStatus>> = {
  todo: 'not-started',
  'to-do': 'not-started',
  planned: 'not-started',
  pending: 'not-started',
  open: 'not-started',
  new: 'not-started',
  started: 'in-progress',
  wip: 'in-progress',
  doing: 'in-progress',
  active: 'in-progress',
  ongoing: 'in-progress',
  running: 'in-progress',
  waiting: 'blocked',
  stuck: 'blocked',
  'on-hold': 'blocked',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  closed: 'done',
  skip: 'skipped',
  dropped: 'skipped',
  cancelled: 'skipped',
  canceled: 'skipped',
  'n/a': 'skipped',
};

function closest<T extends string>(written: string, candidates: readonly T[]): T {
  let best = candidates[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(written, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The valid status the user most likely meant. */
export function closestStatus(written: string): StageStatus {
  const word = normalizeWord(written);
  const exact = STAGE_STATUSES.find((status) => status === word);
  return exact ?? STATUS_SYNONYMS[word] ?? closest(word, STAGE_STATUSES);
}

/** Words people write for a stage, beyond the glossary's terms. */
const STAGE_SYNONYMS: Readonly<Record<string, BuiltInStageId>> = {
  pretrain: 'pre-training',
  prompt: 'prompt-engineering',
  prompts: 'prompt-engineering',
  finetune: 'fine-tuning',
  tuning: 'fine-tuning',
  rl: 'rlhf',
  deploy: 'deployment',
  serving: 'deployment',
  inference: 'deployment',
  optimization: 'deployment',
  release: 'deployment',
};

/** The built-in stage id the user most likely meant: a misspelling, a synonym or a technique of it. */
export function closestStageId(written: string): BuiltInStageId {
  const word = normalizeWord(written);
  const exact = BUILT_IN_STAGE_IDS.find((id) => id === word);
  if (exact) {
    return exact;
  }
  const bySpelling = closest(word, BUILT_IN_STAGE_IDS);
  // A near miss of an id ("fine-tunning") beats reading the word as a technique.
  if (editDistance(word, bySpelling) <= 2) {
    return bySpelling;
  }
  return STAGE_SYNONYMS[word.replace(/-/g, '')] ?? STAGE_SYNONYMS[word] ?? stageOfTerm(written) ?? bySpelling;
}

/** A readable title from an id: "eval-harness" -> "Eval harness". */
export function titleFromId(id: string): string {
  const words = id.trim().split(/[-_\s]+/).filter((word) => word !== '');
  const text = words.join(' ');
  return text === '' ? id : text[0].toUpperCase() + text.slice(1);
}

/** An id not in `taken`: "rlhf-2", then "rlhf-3"... */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!used.has(candidate)) {
      return candidate;
    }
  }
}

/** What quick fixes need to know about the plan beyond its text. */
export interface FixContext {
  /** Ids of every stage in the file (including duplicates and unknown ones). */
  readonly stageIds: readonly string[];
}

/** The quick fixes for one diagnostic of `text`. Empty when there is nothing sure to offer. */
export function quickFixes(text: string, diagnostic: Pick<PlanDiagnostic, 'code' | 'range' | 'data'>, context: FixContext): QuickFix[] {
  const lines = new LineIndex(text);
  const start = lines.offsetAt(diagnostic.range.start);
  const end = lines.offsetAt(diagnostic.range.end);
  const written = diagnostic.data?.value ?? diagnostic.data?.id ?? unquote(text.slice(start, end));
  switch (diagnostic.code) {
    case 'unknown-status':
      return statusFixes(text, start, end, written, diagnostic.data?.value === '' || isKeyAt(text, end));
    case 'unknown-stage':
      return unknownStageFixes(text, diagnostic.range, start, end, written);
    case 'duplicate-id':
      return duplicateFixes(text, diagnostic.range, start, end, written, context);
    case ESTIMATE_DIAGNOSTIC_CODE:
      return methodFixes(text, diagnostic.data ?? {});
    default:
      return [];
  }
}

function statusFixes(text: string, start: number, end: number, written: string, valueMissing: boolean): QuickFix[] {
  if (valueMissing) {
    // `status:` with nothing after it: the diagnostic marks the key; add a value after the colon.
    const colon = text.indexOf(':', end);
    if (colon < 0) {
      return [];
    }
    return [{ title: l10n.t('Set status to not-started'), edits: [{ start: colon + 1, end: colon + 1, newText: ' not-started' }], preferred: true }];
  }
  const status = closestStatus(written);
  return [{ title: l10n.t('Change status to {0}', status), edits: [{ start, end, newText: status }], preferred: true }];
}

function unknownStageFixes(text: string, range: Range, start: number, end: number, written: string): QuickFix[] {
  const id = closestStageId(written);
  const fixes: QuickFix[] = [{ title: l10n.t('Change id to {0}', id), edits: [{ start, end, newText: id }], preferred: true }];
  const title = titleFromId(written);
  const titleEdit = insertTitleEdit(text, range, title);
  if (titleEdit) {
    fixes.push({ title: l10n.t('Add title "{0}" to make {1} a custom stage', title, written), edits: [titleEdit], preferred: false });
  }
  return fixes;
}

function duplicateFixes(text: string, range: Range, start: number, end: number, written: string, context: FixContext): QuickFix[] {
  const fixes: QuickFix[] = [];
  const removal = removeStageEdit(text, range.start.line);
  if (removal) {
    fixes.push({ title: l10n.t('Remove this duplicate {0} stage', written), edits: [removal], preferred: false });
  }
  const renamed = uniqueId(written, context.stageIds);
  const edits: TextEdit[] = [{ start, end, newText: renamed }];
  const builtIn = catalogStage(written);
  const lines = splitLines(text);
  const block = stageBlockAt(lines, range.start.line);
  // A renamed built-in becomes a custom stage, which needs a title of its own.
  if (builtIn && block && !block.keys.some((key) => key.name === 'title')) {
    const titleEdit = insertTitleEdit(text, range, `${builtIn.title} (${renamed.slice(written.length + 1)})`);
    if (titleEdit) {
      edits.push(titleEdit);
    }
  }
  fixes.push({ title: l10n.t('Rename this stage to {0}', renamed), edits, preferred: false });
  return fixes;
}

/**
 * A stage too big for the hardware: one fix per cheaper method the diagnostic says would fit,
 * each setting (or inserting) `method:` through the edit engine, so it is as minimal and as
 * checked as every other write.
 */
function methodFixes(text: string, data: Readonly<Record<string, string>>): QuickFix[] {
  const stageId = data.stageId;
  if (stageId === undefined) {
    return [];
  }
  const fixes: QuickFix[] = [];
  for (const method of FIX_METHODS) {
    const total = data[method];
    const result = total === undefined ? undefined : edit(text, stageId, { kind: 'method', method });
    if (result?.ok && result.edits.length > 0) {
      fixes.push({ title: l10n.t('Use {0} (fits: {1} of {2})', METHOD_LABELS[method], total, data.hardware ?? l10n.t('the GPUs')), edits: result.edits, preferred: fixes.length === 0 });
    }
  }
  return fixes;
}

/** A `title:` line inserted after the id's line, at the id key's column. Undefined for flow style. */
export function insertTitleEdit(text: string, idRange: Range, title: string): TextEdit | undefined {
  const lines = splitLines(text);
  const idLine = lines[idRange.start.line];
  const key = idLine === undefined ? null : /^( *(?:- +)?)id[ \t]*:/.exec(idLine);
  if (!key) {
    return undefined;
  }
  const index = new LineIndex(text);
  const lineEnd = index.offsetAt({ line: idRange.start.line, character: idLine.length });
  const indent = ' '.repeat(key[1].length);
  // Inserted before the id line's break, so the new line takes that line's own ending.
  const eol = lineBreakAt(text, lineEnd) || dominantEol(text);
  return { start: lineEnd, end: lineEnd, newText: `${eol}${indent}title: ${formatScalar(title, 'block')}` };
}

/** Deletes the whole stage item that contains `line`, leaving its neighbours as they were. */
export function removeStageEdit(text: string, line: number): TextEdit | undefined {
  const lines = splitLines(text);
  const block = stageBlockAt(lines, line);
  if (!block) {
    return undefined;
  }
  const index = new LineIndex(text);
  const start = index.offsetAt({ line: block.startLine, character: 0 });
  const end = block.endLine < lines.length ? index.offsetAt({ line: block.endLine, character: 0 }) : text.length;
  // At the end of the file the line break before the block goes instead of the one after it.
  if (block.endLine >= lines.length && start > 0) {
    const breakLength = text.slice(0, start).endsWith('\r\n') ? 2 : 1;
    return { start: start - breakLength, end, newText: '' };
  }
  return { start, end, newText: '' };
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && (trimmed[0] === '"' || trimmed[0] === "'") && trimmed.endsWith(trimmed[0])) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
}

/** True when the text at `end` continues with `:`: the range marks a key, not a value. */
function isKeyAt(text: string, end: number): boolean {
  return /^[ \t]*:/.test(text.slice(end, end + 20));
}
