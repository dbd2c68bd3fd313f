// Reads a plan's YAML document into a `Plan`: the root, the stages, their tasks and fields,
// reporting every problem it meets to the diagnostics collector. It keeps the yaml nodes
// behind each stage and task (`StageSource`) for `edit`.

import * as l10n from '@vscode/l10n';
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { BUILT_IN_STAGE_IDS, catalogStage } from '../domain/catalog';
import { isIsoDate } from '../domain/dates';
import { isStageStatus, STAGE_STATUSES, StageStatus } from '../domain/statuses';
import { EffortCells, Plan, PlanStage, PlanTask, Range } from '../domain/types';
import { NOTHING_READ, nodeLength, PlanAnalysis, presentValue, StageSource, YamlNode } from './analysis';
import { DiagnosticCollector, MAX_YAML_PROBLEMS } from './diagnosticCollector';
import { MAX_NESTING_DEPTH } from './nesting';
import { STAGE_KEYS } from './planLines';
import { PlanSpecReader } from './planSpecReader';
import { LineIndex, trimEndWhitespace } from './text';
import { findDuplicateKeys, parseYaml } from './yamlSyntax';

export const SUPPORTED_VERSION = 1;

const ROOT_KEYS = ['version', 'project', 'model', 'hardware', 'stages'] as const;
const TASK_KEYS = ['title', 'done', 'owner'] as const;
/** File key -> `EffortCells` property. */
const EFFORT_KEYS = {
  duration: 'trainingDuration',
  customization: 'customization',
  objective: 'objective',
  expertise: 'expertise',
} as const satisfies Record<string, keyof EffortCells>;

/** One pass over one document; the collector gathers the diagnostics as it goes. */
export class PlanReader {
  private readonly lines: LineIndex;
  private readonly diagnostics: DiagnosticCollector;
  private readonly specs: PlanSpecReader;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    this.diagnostics = new DiagnosticCollector(text, this.lines);
    this.specs = new PlanSpecReader(this.diagnostics, {
      collectFields: (map, known, where) => this.collectFields(map, known, where),
      readString: (pair, name) => this.readString(pair, name),
      readDate: (pair, name) => this.readDate(pair, name),
    });
  }

  read(): PlanAnalysis {
    const parsed = parseYaml(this.text);
    if (parsed.kind === 'too-deep') {
      const message = l10n.t('The plan nests more than {0} levels deep, which no plan needs; it was not read.', MAX_NESTING_DEPTH);
      this.diagnostics.report('yaml-syntax', 'error', message, parsed.offset, parsed.offset);
      return { plan: undefined, diagnostics: this.diagnostics.sorted(), ...NOTHING_READ, hasSyntaxErrors: true };
    }
    const { document } = parsed;
    this.diagnostics.reportYamlProblems(document);
    if (parsed.extraDocumentRange) {
      const [start, end] = parsed.extraDocumentRange;
      this.diagnostics.report('yaml-syntax', 'error', l10n.t('A plan is a single YAML document: remove the extra `---` or `...` and what follows.'), start, end);
    }
    const duplicateKeys = findDuplicateKeys(document.contents);
    for (const key of duplicateKeys.slice(0, MAX_YAML_PROBLEMS)) {
      this.diagnostics.reportAt('yaml-syntax', 'error', l10n.t('Duplicate key "{0}": a key may appear only once in a mapping.', String(key.value)), key);
    }
    const firstUnlistedKey = duplicateKeys[MAX_YAML_PROBLEMS];
    if (firstUnlistedKey) {
      this.diagnostics.reportUnlisted(duplicateKeys.length - MAX_YAML_PROBLEMS, 'duplicate-keys', firstUnlistedKey.range?.[0] ?? 0);
    }
    const hasSyntaxErrors = document.errors.length > 0 || parsed.extraDocumentRange !== undefined || duplicateKeys.length > 0;
    // With syntax errors the tree is yaml's best guess around them: the plan is still read for
    // the views, but only the syntax problems are reported (complaints about a guess mislead).
    this.diagnostics.schemaProblemsMuted = hasSyntaxErrors;
    const contents = document.contents;
    if (!isMap(contents)) {
      this.reportRootNotMapping(contents);
      return { plan: undefined, diagnostics: this.diagnostics.sorted(), ...NOTHING_READ, hasSyntaxErrors };
    }
    const fields = this.collectFields(contents, ROOT_KEYS, l10n.t('at the top level'));
    const version = this.readVersion(contents, fields.get('version'));
    const project = this.readString(fields.get('project'), 'project');
    const specs = this.specs.readRoot(fields);
    const stagesNode = this.readStagesSequence(contents, fields.get('stages'));
    const stageSources = stagesNode ? this.readStages(stagesNode) : [];
    const plan: Plan = {
      version,
      ...(project !== undefined && { project }),
      ...specs,
      stages: stageSources.map((source) => source.stage),
    };
    return { plan, diagnostics: this.diagnostics.sorted(), hasSyntaxErrors, root: contents, stagesNode, stageSources };
  }

  // ---- root -----------------------------------------------------------------------------

  private reportRootNotMapping(contents: unknown): void {
    const message = l10n.t('A plan is a mapping with `version: 1`, an optional `project` and a `stages` list.');
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
      this.diagnostics.report('not-a-mapping', 'error', l10n.t('The plan is empty. {0}', message), 0, 0);
    } else {
      this.diagnostics.reportAt('not-a-mapping', 'error', l10n.t('The plan is not a mapping. {0}', message), contents as YamlNode);
    }
  }

  private readVersion(root: YAMLMap, pair: Pair | undefined): number {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      this.diagnostics.reportAt('missing-version', 'error', l10n.t('The plan has no `version`: add `version: 1` at the top.'), pair?.key ?? headNode(root));
      return SUPPORTED_VERSION;
    }
    if (!isScalar(value)) {
      this.diagnostics.reportWrongType(pair, 'version', l10n.t('the number 1'));
      return SUPPORTED_VERSION;
    }
    if (value.value === SUPPORTED_VERSION) {
      return SUPPORTED_VERSION;
    }
    const written = scalarText(value);
    this.diagnostics.reportAt('unsupported-version', 'error', l10n.t('Plan version {0} is not supported; this extension reads `version: 1`.', written), value, { value: written });
    return typeof value.value === 'number' && Number.isFinite(value.value) ? value.value : SUPPORTED_VERSION;
  }

  private readStagesSequence(root: YAMLMap, pair: Pair | undefined): YAMLSeq | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      const message = l10n.t('The plan has no stages: add a `stages:` list (for example `- id: prompt-engineering`).');
      this.diagnostics.reportAt('missing-stages', 'error', message, pair?.key ?? headNode(root));
      return undefined;
    }
    if (!isSeq(value)) {
      this.diagnostics.reportWrongType(pair, 'stages', l10n.t('a list of stages'));
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
        const message = l10n.t('Stage id "{0}" is used more than once; only its first stage is shown.', source.stage.id);
        this.diagnostics.reportRange('duplicate-id', 'error', message, source.stage.idRange, { id: source.stage.id });
        return;
      }
      seenIds.add(source.stage.id);
      sources.push(source);
    });
    return sources;
  }

  private readStage(item: unknown, index: number): StageSource | undefined {
    if (!isMap(item)) {
      this.diagnostics.reportNotMapping(item, l10n.t('Each stage must be a mapping with at least an `id`.'));
      return undefined;
    }
    const fields = this.collectFields(item, STAGE_KEYS, l10n.t('in a stage'));
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
    const extras = this.specs.readStage(fields, id?.value);
    if (!id) {
      return undefined;
    }
    const catalogEntry = catalogStage(id.value);
    if (!catalogEntry && !writtenTitle) {
      const message = l10n.t('"{0}" is not a built-in stage. Use a built-in id ({1}) or add a `title:` to define a custom stage.', id.value, BUILT_IN_STAGE_IDS.join(', '));
      this.diagnostics.reportRange('unknown-stage', 'error', message, id.range, { id: id.value });
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
      ...extras,
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
      this.diagnostics.reportWrongType(pair, 'id', l10n.t('text, such as `fine-tuning`'));
      return undefined;
    }
    const id = this.readString(pair, 'id');
    if (!pair || id === undefined || id.trim() === '') {
      const message = l10n.t('Every stage needs an `id`: a built-in one ({0}) or your own with a `title`.', BUILT_IN_STAGE_IDS.join(', '));
      this.diagnostics.reportAt('missing-id', 'error', message, value && nodeLength(value) > 0 ? value : (pair?.key ?? headNode(stage)));
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
      this.diagnostics.reportWrongType(pair, 'status', l10n.t('one of {0}', STAGE_STATUSES.join(', ')));
      return undefined;
    }
    const written = value === undefined ? '' : String(value.value);
    if (isStageStatus(written)) {
      return written;
    }
    const message = l10n.t('Unknown status "{0}": use one of {1}.', written, STAGE_STATUSES.join(', '));
    this.diagnostics.reportAt('unknown-status', 'error', message, value && nodeLength(value) > 0 ? value : (pair.key as YamlNode), { value: written });
    return undefined;
  }

  private readEffort(pair: Pair | undefined): EffortCells | undefined {
    const value = pair ? presentValue(pair) : undefined;
    if (!pair || value === undefined) {
      return undefined;
    }
    if (!isMap(value)) {
      this.diagnostics.reportWrongType(pair, 'effort', l10n.t('a mapping of duration, customization, objective and expertise'));
      return undefined;
    }
    const fields = this.collectFields(value, Object.keys(EFFORT_KEYS), l10n.t('in `effort`'));
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
      this.diagnostics.reportWrongType(pair, 'tasks', l10n.t('a list of tasks (`- title: ...`)'));
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
      this.diagnostics.reportNotMapping(item, l10n.t('Each task must be a mapping such as `- title: Collect data`.'));
      return undefined;
    }
    const fields = this.collectFields(item, TASK_KEYS, l10n.t('in a task'));
    const titlePair = fields.get('title');
    const title = this.readString(titlePair, 'title');
    const done = this.readBoolean(fields.get('done'), 'done');
    const owner = this.readString(fields.get('owner'), 'owner');
    if (title === undefined || title.trim() === '') {
      const titleValue = titlePair ? presentValue(titlePair) : undefined;
      if (!titleValue || isScalar(titleValue)) {
        const target = titleValue && nodeLength(titleValue) > 0 ? titleValue : (titlePair?.key ?? headNode(item));
        this.diagnostics.reportAt('missing-title', 'error', l10n.t('Every task needs a `title`.'), target);
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
      const shown = name ?? l10n.t('this key');
      const message = l10n.t('Unknown key "{0}" {1}; expected one of {2}.', shown, where, known.join(', '));
      this.diagnostics.reportAt('unknown-key', 'warning', message, (key as YamlNode | null) ?? pair.value ?? map, { key: shown });
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
      this.diagnostics.reportWrongType(pair, name, l10n.t('text'));
      return undefined;
    }
    if (typeof value.value === 'string') {
      return value.value;
    }
    const written = scalarText(value);
    this.diagnostics.reportAt('wrong-type', 'warning', l10n.t('`{0}` should be text; it is read as "{1}". Quote it to make that explicit.', name, written), value, {
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
    const message = l10n.t('`{0}` should be a date written YYYY-MM-DD, such as 2026-01-31; "{1}" is ignored.', name, written);
    this.diagnostics.reportAt('invalid-date', 'warning', message, pair.value as YamlNode, { value: written });
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
    this.diagnostics.reportWrongType(pair, name, l10n.t('`true` or `false`'));
    return undefined;
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

/** A scalar exactly as written (before tag resolution), e.g. `007` rather than `7`. */
function scalarText(scalar: Scalar): string {
  return typeof scalar.source === 'string' ? scalar.source : String(scalar.value);
}

/** The first key of a mapping (a sensible place for "missing key" diagnostics), or the mapping. */
function headNode(map: YAMLMap): YamlNode {
  const firstKey = map.items[0]?.key as YamlNode | null | undefined;
  return firstKey?.range ? firstKey : map;
}
