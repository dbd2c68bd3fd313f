// fast-check generators of valid plans in every layout the format allows: block and flow
// style, LF, CRLF or mixed line endings, a BOM, own-line and end-of-line comments, anchors,
// block scalars of every chomping mode, quoted and plain scalars, keys in any order, optional
// task lists. Specs are generated, then rendered to text (`renderPlan`). Every comment is
// `#@N@`, unique, so a test can tell whether each one survived an edit.

import * as fc from 'fast-check';
import { BUILT_IN_STAGE_IDS } from '../../src/model/domain/catalog';
import { STAGE_STATUSES, type StageStatus } from '../../src/model/domain/statuses';

export type ScalarStyle = 'plain' | 'single' | 'double' | '|' | '|-' | '|+' | '>' | '>-' | '>+';
type Quote = 'plain' | 'single' | 'double';
/** How an item's first line looks: `- key: v`, `- &a key: v`, `- &a` or `- #@N@` above its keys. */
export type Head = 'inline' | 'inline-anchor' | 'anchor-line' | 'comment-line';

export interface ScalarSpec {
  readonly style: ScalarStyle;
  readonly words: readonly string[];
  /** Block styles: empty lines after the content (a `|+` keeps them in its value). */
  readonly trailingBlankLines: number;
  readonly anchor: boolean;
}

export interface TaskSpec {
  readonly title: ScalarSpec;
  readonly done: boolean | undefined;
  readonly owner: ScalarSpec | undefined;
  readonly order: readonly number[];
  readonly head: Head;
  readonly flow: boolean;
  readonly comments: readonly boolean[];
}

export type TasksSpec =
  | { readonly kind: 'empty' | 'null' | 'flow-empty' }
  | { readonly kind: 'flow' | 'block'; readonly tasks: readonly TaskSpec[]; readonly indent: number };

export interface StageSpec {
  readonly id: string;
  readonly title: ScalarSpec | undefined;
  readonly status: { readonly value: StageStatus; readonly quote: Quote; readonly anchor: boolean } | undefined;
  readonly note: ScalarSpec | undefined;
  readonly owner: ScalarSpec | undefined;
  readonly started: string | undefined;
  readonly completed: string | undefined;
  readonly datesQuoted: boolean;
  readonly plan: boolean;
  readonly tasks: TasksSpec | undefined;
  readonly effort: { readonly flow: boolean; readonly cells: readonly (readonly [string, ScalarSpec])[] } | undefined;
  /** Field indices (see FIELDS) in written order. */
  readonly order: readonly number[];
  readonly head: Head;
  /** An own-line comment above the item's `-`. */
  readonly commentAbove: boolean;
  /** Keys written `"status":` rather than `status:` (some formatters do). */
  readonly quotedKeys: boolean;
  /** Per field index: [own-line comment before it, comment at the end of its line]. */
  readonly comments: readonly (readonly [boolean, boolean])[];
}

export type StagesStyle = 'block' | 'flow-items' | 'flow-line' | 'flow-lines';

export interface PlanSpec {
  readonly eol: '\n' | '\r\n' | 'mixed';
  readonly mixedBits: readonly boolean[];
  readonly bom: boolean;
  readonly finalNewline: boolean;
  readonly headerComment: boolean;
  /** `---` before the plan, `...` after it. */
  readonly documentMarkers: readonly [boolean, boolean];
  readonly project: ScalarSpec | undefined;
  readonly style: StagesStyle;
  /** Block style: columns from `stages:` to the `-` (0 is the indentless style), spaces after `-`. */
  readonly dashIndent: number;
  readonly dashGap: number;
  readonly blankLineBetweenStages: boolean;
  readonly trailingComment: boolean;
  readonly stages: readonly StageSpec[];
}

const FIELDS = ['id', 'title', 'status', 'note', 'owner', 'started', 'completed', 'plan', 'tasks', 'effort'] as const;
const CUSTOM_IDS = ['evals', 'red-team', 'data-prep'];
const BLOCK_STYLES: readonly ScalarStyle[] = ['|', '|-', '|+', '>', '>-', '>+'];

/** Words that read as strings in plain style anywhere (no `yes`, `null`, `1e3`, `:` or `,`). */
const plainWord = fc.stringMatching(/^[abcdeghijklmqrsuvwz][a-z0-9]{0,5}$/);
const richWord = fc.oneof(
  plainWord,
  fc.constantFrom("it's", 'say "hi"', 'back\\slash', 'a: b', 'x #y', '[list]', '{map}', 'a, b', 'é', '😀', '👩‍💻', '- dash', '*star', '&amp', '!bang', '%pct', '|bar', '>gt'),
);

function scalar(styles: readonly ScalarStyle[]): fc.Arbitrary<ScalarSpec> {
  return fc.constantFrom(...styles).chain((style) =>
    fc.record({
      style: fc.constant(style),
      words: fc.array(style === 'plain' ? plainWord : richWord, { minLength: 1, maxLength: 3 }),
      trailingBlankLines: BLOCK_STYLES.includes(style) ? fc.nat(2) : fc.constant(0),
      anchor: fc.boolean(),
    }),
  );
}

const anyScalar = scalar(['plain', 'single', 'double', ...BLOCK_STYLES]);
const lineScalar = scalar(['plain', 'single', 'double']);
const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10));
/** A date, or an empty value (`started:` or `started: ~`), which reads as no date. */
const date = fc.oneof({ arbitrary: isoDate, weight: 4 }, { arbitrary: fc.constantFrom('', '~'), weight: 1 });
const head = fc.constantFrom<Head>('inline', 'inline', 'inline-anchor', 'anchor-line', 'comment-line');
const commentFlags = fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: FIELDS.length, maxLength: FIELDS.length });
const order = (count: number): fc.Arbitrary<number[]> => fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count });

const task: fc.Arbitrary<TaskSpec> = fc.record({
  title: anyScalar,
  done: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  owner: fc.option(anyScalar, { nil: undefined, freq: 2 }),
  order: order(3),
  head,
  flow: fc.boolean(),
  comments: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});

const tasks: fc.Arbitrary<TasksSpec> = fc.oneof(
  fc.constantFrom<TasksSpec>({ kind: 'empty' }, { kind: 'null' }, { kind: 'flow-empty' }),
  fc.record({ kind: fc.constantFrom('flow' as const, 'block' as const), tasks: fc.array(task, { minLength: 1, maxLength: 3 }), indent: fc.constantFrom(0, 2) }),
);

function stage(id: string): fc.Arbitrary<StageSpec> {
  const custom = !(BUILT_IN_STAGE_IDS as readonly string[]).includes(id);
  return fc.record({
    id: fc.constant(id),
    title: custom ? anyScalar : fc.option(anyScalar, { nil: undefined, freq: 2 }),
    status: fc.option(fc.record({ value: fc.constantFrom(...STAGE_STATUSES), quote: fc.constantFrom<Quote>('plain', 'single', 'double'), anchor: fc.boolean() }), { nil: undefined, freq: 2 }),
    note: fc.option(anyScalar, { nil: undefined, freq: 2 }),
    owner: fc.option(anyScalar, { nil: undefined, freq: 2 }),
    started: fc.option(date, { nil: undefined, freq: 2 }),
    completed: fc.option(date, { nil: undefined, freq: 2 }),
    datesQuoted: fc.boolean(),
    plan: fc.boolean(),
    tasks: fc.option(tasks, { nil: undefined, freq: 2 }),
    effort: custom
      ? fc.option(fc.record({ flow: fc.boolean(), cells: fc.uniqueArray(fc.tuple(fc.constantFrom('duration', 'customization', 'objective', 'expertise'), anyScalar), { minLength: 1, maxLength: 4, selector: ([key]) => key }) }), { nil: undefined, freq: 2 })
      : fc.constant(undefined),
    order: order(FIELDS.length),
    head,
    commentAbove: fc.boolean(),
    quotedKeys: fc.boolean(),
    comments: commentFlags,
  });
}

export const planSpec: fc.Arbitrary<PlanSpec> = fc.record({
  eol: fc.constantFrom<PlanSpec['eol']>('\n', '\r\n', 'mixed'),
  mixedBits: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  headerComment: fc.boolean(),
  documentMarkers: fc.tuple(fc.boolean(), fc.boolean()),
  project: fc.option(lineScalar, { nil: undefined, freq: 2 }),
  style: fc.constantFrom<StagesStyle>('block', 'block', 'block', 'flow-items', 'flow-line', 'flow-lines'),
  dashIndent: fc.constantFrom(0, 2, 4),
  dashGap: fc.constantFrom(1, 1, 3),
  blankLineBetweenStages: fc.boolean(),
  trailingComment: fc.boolean(),
  stages: fc.uniqueArray(fc.constantFrom(...BUILT_IN_STAGE_IDS, ...CUSTOM_IDS), { minLength: 1, maxLength: 4 }).chain((ids) => fc.tuple(...ids.map(stage))),
});

export const FIELD_NAMES = FIELDS;
