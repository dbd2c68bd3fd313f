// Reads lifecycle.yaml text into a `Plan` plus diagnostics with exact ranges.
// `parse` never throws: a broken file must degrade to diagnostics, never crash a view.
// The located form (`analyzePlan`) keeps the yaml nodes behind each stage and task, so
// `edit` finds exactly the nodes `parse` read and both agree on stage and task indices.

import { Composer, CST, Document, isAlias, isMap, isScalar, isSeq, Lexer, Pair, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { BUILT_IN_STAGE_IDS, catalogStage } from '../domain/catalog';
import { isStageStatus, STAGE_STATUSES, StageStatus } from '../domain/statuses';
import { EffortCells, Plan, PlanStage, PlanTask, Position, Range } from '../domain/types';
import { MAX_NESTING_DEPTH, NestingGuard } from './nesting';
import { exceedsUtf8Bytes, LineIndex, trimEndWhitespace } from './text';
import { DiagnosticSeverity, ParseResult, PlanDiagnostic, PlanDiagnosticCode } from './types';

/** Plans larger than this are not parsed: a plan is a few KB, a huge file is a mistake. */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

export const SUPPORTED_VERSION = 1;

/** yaml problems listed before the rest are summarized in one diagnostic. */
const MAX_YAML_PROBLEMS = 50;
/** Diagnostics listed in all; more are counted in one closing diagnostic. */
const MAX_DIAGNOSTICS = 1000;

const ROOT_KEYS = ['version', 'project', 'stages'] as const;
const STAGE_KEYS = ['id', 'title', 'status', 'note', 'owner', 'started', 'completed', 'plan', 'tasks', 'effort'] as const;
const TASK_KEYS = ['title', 'done', 'owner'] as const;
/** File key -> `EffortCells` property. */
const EFFORT_KEYS = {
  duration: 'trainingDuration',
  customization: 'customization',
  objective: 'objective',
  expertise: 'expertise',
} as const satisfies Record<string, keyof EffortCells>;

/** Any yaml node, seen through what every parsed node has: its source range. */
export interface YamlNode {
  readonly range?: readonly [number, number, number] | null;
}

/** A stage of the plan with the yaml nodes it was read from. */
export interface StageSource {
  readonly stage: PlanStage;
  readonly node: YAMLMap;
  /** The yaml node of each task, parallel to `stage.tasks`. */
  readonly taskNodes: readonly YAMLMap[];
}

export interface PlanAnalysis extends ParseResult {
  /** True when the YAML itself is broken (the tree may be yaml's partial recovery). */
  readonly hasSyntaxErrors: boolean;
  readonly root: YAMLMap | undefined;
  readonly stagesNode: YAMLSeq | undefined;
  /** Parallel to `plan.stages`. */
  readonly stageSources: readonly StageSource[];
}

export function parse(text: string): ParseResult {
  const { plan, diagnostics } = analyzePlan(text);
  return { plan, diagnostics };
}

/** `parse` plus the yaml nodes behind the plan (used by `edit`). Never throws. */
export function analyzePlan(text: string): PlanAnalysis {
  if (typeof text !== 'string') {
    return failedAnalysis('yaml-syntax', 'The plan text is not a string.');
  }
  if (exceedsUtf8Bytes(text, MAX_PLAN_BYTES)) {
    return failedAnalysis('file-too-large', tooLargeMessage(undefined));
  }
  try {
    return new PlanReader(text).read();
  } catch (error) {
    // Defensive: yaml or our reader failed in an unforeseen way (deep recursion, a library bug).
    const detail = error instanceof Error ? error.message : String(error);
    return failedAnalysis('yaml-syntax', `The plan could not be read: ${detail}`);
  }
}

const NOTHING_READ = { root: undefined, stagesNode: undefined, stageSources: [] } as const;

/**
 * The result for a plan over the size limit. Callers that know the size without reading the
 * file (the workspace store, from `stat`) pass it for the message.
 */
export function tooLargeResult(bytes?: number): ParseResult {
  const { plan, diagnostics } = failedAnalysis('file-too-large', tooLargeMessage(bytes));
  return { plan, diagnostics };
}

function tooLargeMessage(bytes: number | undefined): string {
  const limit = `${MAX_PLAN_BYTES / 1024 / 1024} MB`;
  return bytes === undefined
    ? `The plan file is larger than ${limit} and was not read. Is this the right file?`
    : `The plan file is ${(bytes / 1024 / 1024).toFixed(1)} MB; plans over ${limit} are not read. Is this the right file?`;
}

function failedAnalysis(code: PlanDiagnosticCode, message: string): PlanAnalysis {
  const origin: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const diagnostic: PlanDiagnostic = { code, severity: 'error', message, range: origin };
  return { plan: undefined, diagnostics: [diagnostic], ...NOTHING_READ, hasSyntaxErrors: code === 'yaml-syntax' };
}

type YamlParse =
  | { readonly kind: 'document'; readonly document: Document.Parsed; readonly extraDocumentRange?: readonly [number, number] }
  | { readonly kind: 'too-deep'; readonly offset: number };

/**
 * yaml's `parseDocument`, assembled from its parts so the nesting guard sees every lexer
 * token before the parser and composer (which recurse) build anything from it.
 */
function parseYaml(text: string): YamlParse {
  const guard = new NestingGuard();
  const parser = new Parser();
  const cst: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    guard.observe(lexeme);
    if (guard.exceededAt !== undefined) {
      return { kind: 'too-deep', offset: guard.exceededAt };
    }
    for (const token of parser.next(lexeme)) {
      cst.push(token);
    }
  }
  for (const token of parser.end()) {
    cst.push(token);
  }
  let first: Document.Parsed | undefined;
  // uniqueKeys is off because yaml checks it pairwise (quadratic: a 2 MB file of keys would
  // hang the extension host); `findDuplicateKeys` does the same check in linear time.
  for (const document of new Composer({ prettyErrors: false, uniqueKeys: false }).compose(cst, true, text.length)) {
    if (first) {
      return { kind: 'document', document: first, extraDocumentRange: [document.range[0], document.range[1]] };
    }
    first = document;
  }
  if (!first) {
    throw new Error('yaml returned no document'); // compose(..., forceDoc) always yields one.
  }
  return { kind: 'document', document: first };
}

/**
 * Scalar keys repeated within one mapping (second and later occurrences), anywhere in the
 * document. Iterative, and depth is already bounded by the nesting guard.
 */
function findDuplicateKeys(root: unknown): Scalar[] {
  const duplicates: Scalar[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) {
            duplicates.push(pair.key);
          }
          seen.add(pair.key.value);
        } else {
          pending.push(pair.key);
        }
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return duplicates.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** One pass over one document; collects diagnostics as it goes. */
class PlanReader {
  private readonly lines: LineIndex;
  private readonly diagnostics: PlanDiagnostic[] = [];
  private unlistedCount = 0;
  private schemaProblemsMuted = false;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
  }

  read(): PlanAnalysis {
    const parsed = parseYaml(this.text);
    if (parsed.kind === 'too-deep') {
      const message = `The plan nests more than ${MAX_NESTING_DEPTH} levels deep, which no plan needs; it was not read.`;
      this.report('yaml-syntax', 'error', message, parsed.offset, parsed.offset);
      return { plan: undefined, diagnostics: this.sortedDiagnostics(), ...NOTHING_READ, hasSyntaxErrors: true };
    }
    const { document } = parsed;
    this.reportYamlProblems(document);
    if (parsed.extraDocumentRange) {
      const [start, end] = parsed.extraDocumentRange;
      this.report('yaml-syntax', 'error', 'A plan is a single YAML document: remove the extra `---` or `...` and what follows.', start, end);
    }
    const duplicateKeys = findDuplicateKeys(document.contents);
    for (const key of duplicateKeys.slice(0, MAX_YAML_PROBLEMS)) {
      this.reportAt('yaml-syntax', 'error', `Duplicate key "${String(key.value)}": a key may appear only once in a mapping.`, key);
    }
    const hasSyntaxErrors = document.errors.length > 0 || parsed.extraDocumentRange !== undefined || duplicateKeys.length > 0;
    // With syntax errors the tree is yaml's best guess around them: the plan is still read for
    // the views, but only the syntax problems are reported (complaints about a guess mislead).
    this.schemaProblemsMuted = hasSyntaxErrors;
    const contents = document.contents;
    if (!isMap(contents)) {
      this.reportRootNotMapping(contents);
      return { plan: undefined, diagnostics: this.sortedDiagnostics(), ...NOTHING_READ, hasSyntaxErrors };
    }
    const fields = this.collectFields(contents, ROOT_KEYS, 'at the top level');
    const version = this.readVersion(contents, fields.get('version'));
    const project = this.readString(fields.get('project'), 'project');
    const stagesNode = this.readStagesSequence(contents, fields.get('stages'));
    const stageSources = stagesNode ? this.readStages(stagesNode) : [];
    const plan: Plan = {
      version,
      ...(project !== undefined && { project }),
      stages: stageSources.map((source) => source.stage),
    };
    return { plan, diagnostics: this.sortedDiagnostics(), hasSyntaxErrors, root: contents, stagesNode, stageSources };
  }

  // ---- root -----------------------------------------------------------------------------

  /** yaml's own errors and warnings; a broken file can yield thousands, so they are capped. */
  private reportYamlProblems(document: Document): void {
    const problems = [
      ...document.errors.map((problem) => ({ problem, severity: 'error' as const })),
      ...document.warnings.map((problem) => ({ problem, severity: 'warning' as const })),
    ];
    for (const { problem, severity } of problems.slice(0, MAX_YAML_PROBLEMS)) {
      this.report('yaml-syntax', severity, problem.message, problem.pos[0], problem.pos[1]);
    }
    if (problems.length > MAX_YAML_PROBLEMS) {
      const last = problems[MAX_YAML_PROBLEMS].problem;
      const message = `${problems.length - MAX_YAML_PROBLEMS} more YAML problems are not listed; fix the ones above first.`;
      this.report('yaml-syntax', 'error', message, last.pos[0], last.pos[1]);
    }
  }

  private reportRootNotMapping(contents: unknown): void {
    const message = 'A plan is a mapping with `version: 1`, an optional `project` and a `stages` list.';
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
      this.report('not-a-mapping', 'error', `The plan is empty. ${message}`, 0, 0);
    } else {
      this.reportAt('not-a-mapping', 'error', `The plan is not a mapping. ${message}`, contents as YamlNode);
    }
  }

  private readVersion(root: YAMLMap, pair: Pair | undefined): number {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      this.reportAt('missing-version', 'error', 'The plan has no `version`: add `version: 1` at the top.', pair?.key ?? headNode(root));
      return SUPPORTED_VERSION;
    }
    if (!isScalar(value)) {
      this.reportWrongType(pair, 'version', 'the number 1');
      return SUPPORTED_VERSION;
    }
    if (value.value === SUPPORTED_VERSION) {
      return SUPPORTED_VERSION;
    }
    const written = scalarText(value);
    this.reportAt('unsupported-version', 'error', `Plan version ${written} is not supported; this extension reads \`version: 1\`.`, value, { value: written });
    return typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : SUPPORTED_VERSION;
  }

  private readStagesSequence(root: YAMLMap, pair: Pair | undefined): YAMLSeq | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      const message = 'The plan has no stages: add a `stages:` list (for example `- id: prompt-engineering`).';
      this.reportAt('missing-stages', 'error', message, pair?.key ?? headNode(root));
      return undefined;
    }
    if (!isSeq(value)) {
      this.reportWrongType(pair, 'stages', 'a list of stages');
      return undefined;
    }
    return value;
  }

  // ---- stages ---------------------------------------------------------------------------

  private readStages(stagesNode: YAMLSeq): StageSource[] {
    const sources: StageSource[] = [];
    const seenIds = new Set<string>();
    stagesNode.items.forEach((item, index) => {
      const source = this.readStage(item, index);
      if (!source) {
        return;
      }
      if (seenIds.has(source.stage.id)) {
        const message = `Stage id "${source.stage.id}" is used more than once; only its first stage is shown.`;
        this.reportRange('duplicate-id', 'error', message, source.stage.idRange, { id: source.stage.id });
        return;
      }
      seenIds.add(source.stage.id);
      sources.push(source);
    });
    return sources;
  }

  private readStage(item: unknown, index: number): StageSource | undefined {
    if (!isMap(item)) {
      this.reportNotMapping(item, 'Each stage must be a mapping with at least an `id`.');
      return undefined;
    }
    const fields = this.collectFields(item, STAGE_KEYS, 'in a stage');
    const id = this.readStageId(item, fields.get('id'));
    // Read every field even when the stage is dropped, so all of its problems show at once.
    const writtenTitle = this.readString(fields.get('title'), 'title');
    const statusPair = fields.get('status');
    const status = this.readStatus(statusPair);
    const note = this.readString(fields.get('note'), 'note');
    const owner = this.readString(fields.get('owner'), 'owner');
    const started = this.readDate(fields.get('started'), 'started');
    const completed = this.readDate(fields.get('completed'), 'completed');
    const planPath = this.readString(fields.get('plan'), 'plan');
    const { tasks, taskNodes } = this.readTasks(fields.get('tasks'));
    const effort = this.readEffort(fields.get('effort'));
    if (!id) {
      return undefined;
    }
    const catalogEntry = catalogStage(id.value);
    if (!catalogEntry && !writtenTitle) {
      const message = `"${id.value}" is not a built-in stage. Use a built-in id (${BUILT_IN_STAGE_IDS.join(', ')}) or add a \`title:\` to define a custom stage.`;
      this.reportRange('unknown-stage', 'error', message, id.range, { id: id.value });
    }
    const statusValue = statusPair ? presentValue(statusPair) : undefined;
    const stage: PlanStage = {
      id: id.value,
      title: writtenTitle || catalogEntry?.title || id.value,
      builtIn: catalogEntry !== undefined,
      status: status ?? 'not-started',
      ...(note !== undefined && { note }),
      ...(owner !== undefined && { owner }),
      ...(started !== undefined && { started }),
      ...(completed !== undefined && { completed }),
      ...(planPath !== undefined && { plan: planPath }),
      tasks,
      ...(effort !== undefined && { effort }),
      index,
      range: this.nodeRange(item),
      idRange: id.range,
      ...(statusValue !== undefined && { statusRange: this.nodeRange(statusValue) }),
    };
    return { stage, node: item, taskNodes };
  }

  private readStageId(stage: YAMLMap, pair: Pair | undefined): { value: string; range: Range } | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (pair && value !== undefined && !isScalar(value)) {
      this.reportWrongType(pair, 'id', 'text, such as `fine-tuning`');
      return undefined;
    }
    const id = this.readString(pair, 'id');
    if (!pair || id === undefined || id.trim() === '') {
      const message = `Every stage needs an \`id\`: a built-in one (${BUILT_IN_STAGE_IDS.join(', ')}) or your own with a \`title\`.`;
      this.reportAt('missing-id', 'error', message, value && nodeLength(value) > 0 ? value : (pair?.key ?? headNode(stage)));
      return undefined;
    }
    return { value: id, range: this.nodeRange(value as YamlNode) };
  }

  private readStatus(pair: Pair | undefined): StageStatus | undefined {
    if (!pair) {
      return undefined;
    }
    const value = presentValue(pair);
    if (value !== undefined && (!isScalar(value) || typeof value.value !== 'string')) {
      this.reportWrongType(pair, 'status', `one of ${STAGE_STATUSES.join(', ')}`);
      return undefined;
    }
    const written = value === undefined ? '' : String(value.value);
    if (isStageStatus(written)) {
      return written;
    }
    const message = `Unknown status "${written}": use one of ${STAGE_STATUSES.join(', ')}.`;
    this.reportAt('unknown-status', 'error', message, value && nodeLength(value) > 0 ? value : (pair.key as YamlNode), { value: written });
    return undefined;
  }

  private readEffort(pair: Pair | undefined): EffortCells | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (!isMap(value)) {
      this.reportWrongType(pair, 'effort', 'a mapping of duration, customization, objective and expertise');
      return undefined;
    }
    const fields = this.collectFields(value, Object.keys(EFFORT_KEYS), 'in `effort`');
    const cells: { -readonly [K in keyof EffortCells]: string } = {};
    for (const [fileKey, cellKey] of Object.entries(EFFORT_KEYS)) {
      const cell = this.readString(fields.get(fileKey), fileKey);
      if (cell !== undefined) {
        cells[cellKey] = cell;
      }
    }
    return Object.keys(cells).length > 0 ? cells : undefined;
  }

  // ---- tasks ----------------------------------------------------------------------------

  private readTasks(pair: Pair | undefined): { tasks: PlanTask[]; taskNodes: YAMLMap[] } {
    const value = pair ? presentValue(pair) : undefined;
    const none = { tasks: [], taskNodes: [] };
    if (!pair || value === undefined) {
      return none;
    }
    if (!isSeq(value)) {
      this.reportWrongType(pair, 'tasks', 'a list of tasks (`- title: ...`)');
      return none;
    }
    const tasks: PlanTask[] = [];
    const taskNodes: YAMLMap[] = [];
    for (const item of value.items) {
      const task = this.readTask(item);
      if (task) {
        tasks.push(task);
        taskNodes.push(item as YAMLMap);
      }
    }
    return { tasks, taskNodes };
  }

  private readTask(item: unknown): PlanTask | undefined {
    if (!isMap(item)) {
      this.reportNotMapping(item, 'Each task must be a mapping such as `- title: Collect data`.');
      return undefined;
    }
    const fields = this.collectFields(item, TASK_KEYS, 'in a task');
    const titlePair = fields.get('title');
    const title = this.readString(titlePair, 'title');
    const done = this.readBoolean(fields.get('done'), 'done');
    const owner = this.readString(fields.get('owner'), 'owner');
    if (title === undefined || title.trim() === '') {
      const titleValue = titlePair ? presentValue(titlePair) : undefined;
      if (!titleValue || isScalar(titleValue)) {
        const target = titleValue && nodeLength(titleValue) > 0 ? titleValue : (titlePair?.key ?? headNode(item));
        this.reportAt('missing-title', 'error', 'Every task needs a `title`.', target);
      }
      return undefined;
    }
    return {
      title,
      done: done ?? false,
      ...(owner !== undefined && { owner }),
      range: this.nodeRange(item),
    };
  }

  // ---- field readers --------------------------------------------------------------------

  /**
   * Pairs of a mapping by key (first occurrence wins; `findDuplicateKeys` reported the rest).
   * Keys outside `known` are reported as warnings so typos are visible.
   */
  private collectFields(map: YAMLMap, known: readonly string[], where: string): Map<string, Pair> {
    const fields = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = pair.key;
      const name = isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
      if (name !== undefined && known.includes(name)) {
        if (!fields.has(name)) {
          fields.set(name, pair);
        }
        continue;
      }
      const shown = name ?? 'this key';
      const message = `Unknown key "${shown}" ${where}; expected one of ${known.join(', ')}.`;
      this.reportAt('unknown-key', 'warning', message, (key as YamlNode | null) ?? pair.value ?? map, { key: shown });
    }
    return fields;
  }

  /**
   * A text field. Numbers, booleans and other scalars are accepted as written (with a
   * warning), because `owner: 007` or `title: 2026` are plausible and harmless.
   */
  private readString(pair: Pair | undefined, name: string): string | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (!isScalar(value)) {
      this.reportWrongType(pair, name, 'text');
      return undefined;
    }
    if (typeof value.value === 'string') {
      return value.value;
    }
    const written = scalarText(value);
    this.reportAt('wrong-type', 'warning', `\`${name}\` should be text; it is read as "${written}". Quote it to make that explicit.`, value, {
      key: name,
    });
    return written;
  }

  private readDate(pair: Pair | undefined, name: string): string | undefined {
    const value = pair ? presentValue(pair) : undefined;
    // Under a `%YAML 1.1` directive yaml resolves dates to timestamps: keep them as written.
    const written = isScalar(value) && value.value instanceof Date ? scalarText(value) : this.readString(pair, name);
    if (written === undefined || !pair) {
      return undefined;
    }
    if (isIsoDate(written)) {
      return written;
    }
    const message = `\`${name}\` should be a date written YYYY-MM-DD, such as 2026-01-31; "${written}" is ignored.`;
    this.reportAt('invalid-date', 'warning', message, pair.value as YamlNode, { value: written });
    return undefined;
  }

  private readBoolean(pair: Pair | undefined, name: string): boolean | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (isScalar(value) && typeof value.value === 'boolean') {
      return value.value;
    }
    this.reportWrongType(pair, name, '`true` or `false`');
    return undefined;
  }

  // ---- diagnostics ----------------------------------------------------------------------

  /** Diagnostics in document order (stable), so the Problems panel and tests read top-down. */
  private sortedDiagnostics(): PlanDiagnostic[] {
    const sorted = this.diagnostics
      .map((diagnostic, order) => ({ diagnostic, order }))
      .sort((a, b) => comparePositions(a.diagnostic.range.start, b.diagnostic.range.start) || a.order - b.order)
      .map(({ diagnostic }) => diagnostic);
    if (this.unlistedCount > 0) {
      const last = sorted[sorted.length - 1];
      const message = `${this.unlistedCount} more problems are not listed; fix the ones above first.`;
      sorted.push({ code: last.code, severity: last.severity, message, range: last.range });
    }
    return sorted;
  }

  private reportNotMapping(item: unknown, message: string): void {
    const target = (item as YamlNode | null) ?? undefined;
    const aliasNote = isAlias(item) ? ' Aliases (`*name`) are not supported in a plan: write the stage out.' : '';
    this.reportAt('wrong-type', 'error', message + aliasNote, target);
  }

  private reportWrongType(pair: Pair, name: string, expected: string): void {
    const value = pair.value as YamlNode | null;
    const aliasNote = isAlias(value) ? ' Aliases (`*name`) are not supported in a plan: write the value out.' : '';
    const target = value && nodeLength(value) > 0 ? value : (pair.key as YamlNode);
    this.reportAt('wrong-type', 'error', `\`${name}\` must be ${expected}.${aliasNote}`, target, { key: name });
  }

  private reportAt(
    code: PlanDiagnosticCode,
    severity: DiagnosticSeverity,
    message: string,
    node: YamlNode | null | undefined,
    data?: Record<string, string>,
  ): void {
    const range = node?.range;
    if (range) {
      this.report(code, severity, message, range[0], trimEndWhitespace(this.text, range[0], range[1]), data);
    } else {
      this.report(code, severity, message, 0, 0, data);
    }
  }

  private report(code: PlanDiagnosticCode, severity: DiagnosticSeverity, message: string, start: number, end: number, data?: Record<string, string>): void {
    this.reportRange(code, severity, message, this.lines.rangeOf(start, end), data);
  }

  private reportRange(code: PlanDiagnosticCode, severity: DiagnosticSeverity, message: string, range: Range, data?: Record<string, string>): void {
    if (this.schemaProblemsMuted && code !== 'yaml-syntax') {
      return;
    }
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.unlistedCount++; // A pathological file must not flood the Problems panel.
      return;
    }
    this.diagnostics.push({ code, severity, message, range, ...(data && { data }) });
  }

  /** A node's range without trailing whitespace (block collections end after a line break). */
  private nodeRange(node: YamlNode): Range {
    const range = node.range;
    if (!range) {
      return this.lines.rangeOf(0, 0);
    }
    return this.lines.rangeOf(range[0], trimEndWhitespace(this.text, range[0], range[1]));
  }
}

/** The value of a pair, or undefined when it is absent or null (`key:` / `key: ~`). */
export function presentValue(pair: Pair): YamlNode | undefined {
  const value = pair.value;
  if (value === null || value === undefined) {
    return undefined;
  }
  if (isScalar(value) && (value.value === null || value.value === undefined)) {
    return undefined;
  }
  return value as YamlNode;
}

/** A scalar exactly as written (before tag resolution), e.g. `007` rather than `7`. */
function scalarText(scalar: Scalar): string {
  return typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
}

/** The first key of a mapping (a sensible place for "missing key" diagnostics), or the mapping. */
function headNode(map: YAMLMap): YamlNode {
  const firstKey = map.items[0]?.key as YamlNode | null | undefined;
  return firstKey?.range ? firstKey : map;
}

function nodeLength(node: YamlNode): number {
  return node.range ? node.range[1] - node.range[0] : 0;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Not Date.UTC: it maps years 0-99 to 1900-1999.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
