import * as assert from 'node:assert/strict';
import { DURATION_SCALE, EFFORT_COLUMNS } from '../../src/model/domain/catalog';
import type { Plan } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { STAGE_STATUSES, type StageStatus } from '../../src/model/domain/statuses';
import { primaryAction, STAGE_ACTION_SPECS, STATUS_RULES } from '../../src/model/domain/statusActions';
import {
  buildChart,
  chartStageStatuses,
  durationLevelOf,
  expertiseLevelOf,
  MAX_STAGE_ID_LENGTH,
  parseWebviewMessage,
  type ChartColumn,
} from '../../src/model/presentation/chart';
import { chartPage } from '../../src/webview/chartPage';
import { contentSecurityPolicy, newNonce, pageHtml, type ShellOptions } from '../../src/webview/html';
import { lines } from './helpers';

/** The cheat sheet's cells per built-in stage, verbatim (reference: cheat-sheet-chart.md). */
const CHEAT_SHEET_CELLS = {
  'pre-training': {
    trainingDuration: 'Days to weeks to months',
    customization:
      'Determine model architecture, size and tokenizer. Choose vocabulary size and # of tokens for input/context. Large amount of domain training data',
    objective: 'Next-token prediction',
    expertise: 'High',
  },
  'prompt-engineering': {
    trainingDuration: 'Not required',
    customization: 'No model weights. Only prompt customization',
    objective: 'Increase task performance',
    expertise: 'Low',
  },
  'fine-tuning': {
    trainingDuration: 'Minutes to hours',
    customization: 'Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights',
    objective: 'Increase task performance',
    expertise: 'Medium',
  },
  rlhf: {
    trainingDuration: 'Minutes to hours, similar to fine-tuning',
    customization:
      'Need separate reward model to align with human goals (helpful, honest, harmless). Update LLM model or adapter weights',
    objective: 'Increase alignment with human preferences',
    expertise: 'Medium-High',
  },
  deployment: {
    trainingDuration: 'Minutes to hours',
    customization:
      'Reduce model size through model pruning, weight quantization, distillation. Smaller size, faster inference',
    objective: 'Increase inference performance',
    expertise: 'Medium',
  },
} as const;

function planOf(text: string): Plan {
  const result = parse(text);
  assert.deepEqual(result.diagnostics, [], 'the test plan parses cleanly');
  assert.ok(result.plan);
  return result.plan;
}

function column(columns: readonly ChartColumn[], id: string): ChartColumn {
  const found = columns.find((c) => c.id === id);
  assert.ok(found, `column ${id}`);
  return found;
}

const FULL_PLAN = lines(
  'version: 1',
  'project: chart-demo',
  'stages:',
  '  - id: pre-training',
  '    status: skipped',
  '    note: We start from an existing foundation model',
  '  - id: prompt-engineering',
  '    status: done',
  '    owner: sam',
  '    started: 2026-11-02',
  '    completed: 2026-11-10',
  '  - id: fine-tuning',
  '    status: in-progress',
  '    owner: dana',
  '    started: 2026-11-20',
  '    tasks:',
  '      - title: Collect data',
  '        done: true',
  '      - title: Train a LoRA adapter',
  '      - title: Compare with the baseline',
  '        done: false',
  '  - id: rlhf',
  '    status: not-started',
  '  - id: deployment',
  '    status: not-started',
  '  - id: eval-harness',
  '    title: Evaluation harness',
  '    status: blocked',
  '    effort:',
  '      duration: Hours to days',
  '      objective: Catch quality regressions',
  '      expertise: Medium',
  "  - id: hostile",
  "    title: '<img src=x onerror=alert(1)>'",
);

describe('effort chart data (buildChart)', () => {
  it('without a plan shows the five built-in stages in lifecycle order with the cheat-sheet cells', () => {
    const chart = buildChart();
    assert.equal(chart.hasPlan, false);
    assert.equal(chart.errorCount, 0);
    assert.equal(chart.folderUri, undefined);
    assert.deepEqual(
      chart.columns.map((c) => [c.id, c.title]),
      [
        ['pre-training', 'Pre-training'],
        ['prompt-engineering', 'Prompt engineering'],
        ['fine-tuning', 'Prompt tuning and fine-tuning'],
        ['rlhf', 'Reinforcement learning / human feedback'],
        ['deployment', 'Compression / optimization / deployment'],
      ],
    );
    for (const c of chart.columns) {
      assert.deepEqual(c.cells, CHEAT_SHEET_CELLS[c.id as keyof typeof CHEAT_SHEET_CELLS], c.id);
      assert.equal(c.inPlan, false);
      assert.equal(c.builtIn, true);
      assert.equal(c.status, undefined);
      assert.equal(c.current, false);
      assert.equal(c.skipped, false);
    }
    assert.deepEqual(
      chart.columns.map((c) => [c.expertiseLevel, c.durationLevel]),
      [
        [4, 4],
        [1, 0],
        [2, 2],
        [3, 2],
        [2, 2],
      ],
    );
  });

  it('carries the scales and rows the page draws with', () => {
    const chart = buildChart();
    assert.deepEqual(chart.rows, EFFORT_COLUMNS);
    assert.deepEqual(chart.rows.map((r) => r.label), ['Training duration', 'Customization', 'Objective', 'Expertise']);
    assert.deepEqual(chart.expertiseScale, ['Low', 'Medium', 'Medium-High', 'High']);
    assert.deepEqual(chart.durationScale, DURATION_SCALE);
  });

  it('paints the plan on the chart: status, current, skipped, owner, dates, open tasks', () => {
    const chart = buildChart({ plan: planOf(FULL_PLAN), folderUri: 'file:///work/demo', folderName: 'demo', errorCount: 0 });
    assert.equal(chart.hasPlan, true);
    assert.equal(chart.project, 'chart-demo');
    assert.equal(chart.folderUri, 'file:///work/demo');
    assert.equal(chart.folderName, 'demo');
    assert.deepEqual(chart.columns.map((c) => c.id), ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment', 'eval-harness', 'hostile']);
    assert.deepEqual(column(chart.columns, 'pre-training'), {
      id: 'pre-training',
      title: 'Pre-training',
      builtIn: true,
      cells: CHEAT_SHEET_CELLS['pre-training'],
      expertiseLevel: 4,
      durationLevel: 4,
      inPlan: true,
      status: 'skipped',
      statusLabel: 'Skipped',
      primaryAction: { action: 'reset', label: 'Reset', status: 'not-started' },
      current: false,
      skipped: true,
      note: 'We start from an existing foundation model',
      openTasks: 0,
      totalTasks: 0,
    });
    assert.deepEqual(column(chart.columns, 'prompt-engineering'), {
      id: 'prompt-engineering',
      title: 'Prompt engineering',
      builtIn: true,
      cells: CHEAT_SHEET_CELLS['prompt-engineering'],
      expertiseLevel: 1,
      durationLevel: 0,
      inPlan: true,
      status: 'done',
      statusLabel: 'Done',
      primaryAction: { action: 'reset', label: 'Reset', status: 'not-started' },
      current: false,
      skipped: false,
      owner: 'sam',
      started: '2026-11-02',
      completed: '2026-11-10',
      openTasks: 0,
      totalTasks: 0,
    });
    const fineTuning = column(chart.columns, 'fine-tuning');
    assert.equal(fineTuning.current, true);
    assert.equal(fineTuning.status, 'in-progress');
    assert.equal(fineTuning.statusLabel, 'In progress');
    assert.equal(fineTuning.owner, 'dana');
    assert.equal(fineTuning.openTasks, 2);
    assert.equal(fineTuning.totalTasks, 3);
    assert.deepEqual(
      chart.columns.filter((c) => c.current).map((c) => c.id),
      ['fine-tuning'],
      'exactly one current stage',
    );
  });

  it('gives custom stages the effort cells they declare, and empty cells otherwise', () => {
    const chart = buildChart({ plan: planOf(FULL_PLAN) });
    assert.deepEqual(column(chart.columns, 'eval-harness'), {
      id: 'eval-harness',
      title: 'Evaluation harness',
      builtIn: false,
      cells: { trainingDuration: 'Hours to days', objective: 'Catch quality regressions', expertise: 'Medium' },
      expertiseLevel: 2,
      durationLevel: 3,
      inPlan: true,
      status: 'blocked',
      statusLabel: 'Blocked',
      primaryAction: { action: 'resume', label: 'Resume', status: 'in-progress' },
      current: false,
      skipped: false,
      openTasks: 0,
      totalTasks: 0,
    });
    assert.deepEqual(column(chart.columns, 'hostile'), {
      id: 'hostile',
      title: '<img src=x onerror=alert(1)>',
      builtIn: false,
      cells: {},
      inPlan: true,
      status: 'not-started',
      statusLabel: 'Not started',
      primaryAction: { action: 'start', label: 'Start', status: 'in-progress' },
      current: false,
      skipped: false,
      openTasks: 0,
      totalTasks: 0,
    });
  });

  it("gives each planned stage the status table's primary action as its button, and none to stages not in the plan", () => {
    const chart = buildChart({ plan: planOf(FULL_PLAN) });
    for (const c of chart.columns) {
      assert.ok(c.status, c.id);
      const action = primaryAction(c.status);
      assert.deepEqual(c.primaryAction, { action, label: STAGE_ACTION_SPECS[action].label, status: STAGE_ACTION_SPECS[action].to }, c.id);
    }
    assert.deepEqual(
      chart.columns.map((c) => [c.id, c.primaryAction?.label]),
      [
        ['pre-training', 'Reset'],
        ['prompt-engineering', 'Reset'],
        ['fine-tuning', 'Complete'],
        ['rlhf', 'Start'],
        ['deployment', 'Start'],
        ['eval-harness', 'Resume'],
        ['hostile', 'Start'],
      ],
    );
    assert.ok(buildChart().columns.every((c) => c.primaryAction === undefined));
  });

  it('keeps lifecycle order for built-ins whatever the file order, marks unlisted ones, and lists custom stages after them', () => {
    const plan = planOf(
      lines(
        'version: 1',
        'stages:',
        '  - id: data-prep',
        '    title: Data preparation',
        '    effort: {duration: " ", expertise: Expert}',
        '  - id: deployment',
        '    title: Ship it',
        '    status: in-progress',
        '  - id: prompt-engineering',
        '    status: done',
        '  - id: red-team',
        '    title: Red team',
        '    status: skipped',
      ),
    );
    const chart = buildChart({ plan, errorCount: 2 });
    assert.equal(chart.errorCount, 2);
    assert.equal(chart.project, undefined);
    assert.deepEqual(
      chart.columns.map((c) => [c.id, c.title, c.inPlan, c.status ?? '-', c.current, c.skipped]),
      [
        ['pre-training', 'Pre-training', false, '-', false, false],
        ['prompt-engineering', 'Prompt engineering', true, 'done', false, false],
        ['fine-tuning', 'Prompt tuning and fine-tuning', false, '-', false, false],
        ['rlhf', 'Reinforcement learning / human feedback', false, '-', false, false],
        ['deployment', 'Ship it', true, 'in-progress', true, false],
        ['data-prep', 'Data preparation', true, 'not-started', false, false],
        ['red-team', 'Red team', true, 'skipped', false, true],
      ],
    );
    const dataPrep = column(chart.columns, 'data-prep');
    // A blank cell is empty; free text off the scale has no level but is still shown.
    assert.deepEqual(dataPrep.cells, { expertise: 'Expert' });
    assert.equal(dataPrep.expertiseLevel, undefined);
    assert.equal(dataPrep.durationLevel, undefined);
  });

  it('marks the first not-started stage current when none is in progress', () => {
    const plan = planOf(lines('version: 1', 'stages:', '  - id: prompt-engineering', '    status: done', '  - id: fine-tuning', '    status: blocked', '  - id: rlhf', '  - id: deployment'));
    assert.deepEqual(
      buildChart({ plan }).columns.filter((c) => c.current).map((c) => c.id),
      ['rlhf'],
    );
  });

  it('shows the first of duplicated stage ids', () => {
    const result = parse(lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '  - id: rlhf', '    status: blocked'));
    assert.ok(result.plan);
    const chart = buildChart({ plan: result.plan });
    assert.deepEqual(chart.columns.filter((c) => c.id === 'rlhf').map((c) => c.status), ['done']);
  });

  it('is plain JSON (it is posted to the webview)', () => {
    const chart = buildChart({ plan: planOf(FULL_PLAN), folderUri: 'file:///x', folderName: 'x' });
    assert.deepEqual(JSON.parse(JSON.stringify(chart)), chart);
  });

  it('maps declared effort text onto the catalog scales, forgiving case, spaces and dashes', () => {
    assert.deepEqual(['low', ' MEDIUM ', 'medium high', 'Medium-High', 'high', 'expert', undefined, ''].map(expertiseLevelOf), [1, 2, 3, 3, 4, undefined, undefined, undefined]);
    assert.deepEqual(['not required', 'Minutes', 'minutes-to-hours', 'Hours to days', 'days to months', 'weeks', undefined].map(durationLevelOf), [0, 1, 2, 3, 4, undefined, undefined]);
  });
});

describe('webview message validation (parseWebviewMessage)', () => {
  const known: ReadonlyMap<string, StageStatus> = new Map<string, StageStatus>([
    ['fine-tuning', 'in-progress'],
    ['eval-harness', 'blocked'],
  ]);
  const only = (id: string, status: StageStatus = 'not-started'): ReadonlyMap<string, StageStatus> => new Map([[id, status]]);

  it('accepts each well-formed message', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }, known), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'createPlan' }, known), { type: 'createPlan' });
    assert.deepEqual(parseWebviewMessage({ type: 'chooseStatus', stageId: 'fine-tuning' }, known), { type: 'chooseStatus', stageId: 'fine-tuning' });
    assert.deepEqual(parseWebviewMessage({ type: 'setStatus', stageId: 'eval-harness', status: 'done' }, known), {
      type: 'setStatus',
      stageId: 'eval-harness',
      status: 'done',
    });
    assert.deepEqual(parseWebviewMessage({ status: 'skipped', stageId: 'fine-tuning', type: 'setStatus' }, only('fine-tuning')), {
      type: 'setStatus',
      stageId: 'fine-tuning',
      status: 'skipped',
    });
    assert.deepEqual(parseWebviewMessage(Object.assign(Object.create(null) as object, { type: 'ready' }), known), { type: 'ready' });
  });

  const refused: readonly [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['a number', 42],
    ['an array', [{ type: 'ready' }]],
    ['no type', { stageId: 'fine-tuning' }],
    ['a non-string type', { type: ['ready'] }],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['an inherited key as type', { type: 'toString' }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__"}')],
    ['a type differing in case', { type: 'SetStatus', stageId: 'fine-tuning', status: 'done' }],
    ['extra keys on ready', { type: 'ready', html: '<img src=x>' }],
    ['extra keys on setStatus', { type: 'setStatus', stageId: 'fine-tuning', status: 'done', folderUri: 'file:///etc' }],
    ['a missing stage id', { type: 'chooseStatus' }],
    ['a missing status', { type: 'setStatus', stageId: 'fine-tuning' }],
    ['an unknown stage id', { type: 'setStatus', stageId: 'rlhf', status: 'done' }],
    ['a non-string stage id', { type: 'chooseStatus', stageId: 7 }],
    ['a stage id object', { type: 'chooseStatus', stageId: { toString: () => 'fine-tuning' } }],
    ['a huge stage id', { type: 'chooseStatus', stageId: 'x'.repeat(1_000_000) }],
    ['an unknown status', { type: 'setStatus', stageId: 'fine-tuning', status: 'finished' }],
    ['a non-string status', { type: 'setStatus', stageId: 'fine-tuning', status: 3 }],
    ['a status differing in case', { type: 'setStatus', stageId: 'fine-tuning', status: 'Done' }],
    ['a class instance', new (class Message { type = 'ready'; })()],
    ['a date', new Date()],
  ];
  for (const [what, value] of refused) {
    it(`refuses ${what}`, () => {
      assert.equal(parseWebviewMessage(value, known), undefined);
    });
  }

  it('refuses stage ids longer than the limit even when listed', () => {
    const long = 'a'.repeat(MAX_STAGE_ID_LENGTH + 1);
    assert.equal(parseWebviewMessage({ type: 'chooseStatus', stageId: long }, only(long)), undefined);
    const limit = 'a'.repeat(MAX_STAGE_ID_LENGTH);
    assert.deepEqual(parseWebviewMessage({ type: 'chooseStatus', stageId: limit }, only(limit)), { type: 'chooseStatus', stageId: limit });
  });

  it('refuses every stage message when no stage is known (no plan)', () => {
    assert.equal(parseWebviewMessage({ type: 'chooseStatus', stageId: 'fine-tuning' }, new Map()), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'createPlan' }, new Map()), { type: 'createPlan' });
  });

  it('lets setStatus through only where the status table allows that move from the stage\'s status', () => {
    for (const from of STAGE_STATUSES) {
      for (const to of STAGE_STATUSES) {
        const allowed = STATUS_RULES[from].allowed.some((action) => STAGE_ACTION_SPECS[action].to === to);
        const parsed = parseWebviewMessage({ type: 'setStatus', stageId: 'rlhf', status: to }, only('rlhf', from));
        assert.equal(parsed !== undefined, allowed, `${from} -> ${to}`);
      }
    }
    // What the page's buttons ask for is always allowed.
    for (const from of STAGE_STATUSES) {
      const to = STAGE_ACTION_SPECS[primaryAction(from)].to;
      assert.ok(parseWebviewMessage({ type: 'setStatus', stageId: 'rlhf', status: to }, only('rlhf', from)), from);
    }
    // A click from a page a step behind the file: the stage is done now, "Complete" is refused.
    assert.equal(parseWebviewMessage({ type: 'setStatus', stageId: 'rlhf', status: 'done' }, only('rlhf', 'done')), undefined);
  });

  it('checks messages against the first of duplicated stage ids, like the chart shows', () => {
    const result = parse(lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '  - id: rlhf', '    status: not-started'));
    assert.ok(result.plan);
    const statuses = chartStageStatuses(result.plan);
    assert.deepEqual([...statuses], [['rlhf', 'done']]);
    assert.equal(parseWebviewMessage({ type: 'setStatus', stageId: 'rlhf', status: 'in-progress' }, statuses)?.type, 'setStatus');
    assert.equal(parseWebviewMessage({ type: 'setStatus', stageId: 'rlhf', status: 'blocked' }, statuses), undefined);
    assert.deepEqual([...chartStageStatuses(undefined)], []);
  });
});

describe('chart webview HTML shell', () => {
  const page = chartPage({ title: 'Lifecycle Effort Chart', loading: 'Loading the effort chart…' });
  const chartHtml = (options: Omit<ShellOptions, 'title' | 'body'>): string => pageHtml({ ...options, title: page.title, body: page.body });
  const options = {
    cspSource: 'https://*.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/chart.js',
    styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/chart.css'],
    nonce: 'abc123+/=',
    language: 'en',
  };

  it('declares a strict CSP: nothing by default, scripts by nonce, styles, images and fonts from the webview', () => {
    assert.equal(
      contentSecurityPolicy(options.cspSource, options.nonce),
      "default-src 'none'; img-src https://*.vscode-cdn.net; style-src https://*.vscode-cdn.net; script-src 'nonce-abc123+/='; font-src https://*.vscode-cdn.net",
    );
    const html = chartHtml(options);
    assert.ok(
      html.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://*.vscode-cdn.net; style-src https://*.vscode-cdn.net; script-src 'nonce-abc123+/='; font-src https://*.vscode-cdn.net;">`,
      ),
      html,
    );
  });

  it('loads one script (with the nonce) and its stylesheets in order, with no inline code', () => {
    const html = chartHtml(options);
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="abc123+/=" src="${options.scriptUri}">`]);
    assert.deepEqual(html.match(/<link[^>]*>/g), options.styleUris.map((uri) => `<link rel="stylesheet" href="${uri}">`));
    assert.equal(/<style/i.test(html), false);
    assert.equal(/\son[a-z]+=/i.test(html), false, 'no inline event handlers');
    assert.equal(/style=/i.test(html), false, 'no inline styles');
  });

  it('escapes what it puts into attributes', () => {
    const html = chartHtml({ ...options, scriptUri: 'https://x/"><script>alert(1)</script>' });
    assert.ok(html.includes('src="https://x/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(pageHtml({ ...options, title: 'A & <b>', body: '' }).includes('<title>A &amp; &lt;b&gt;</title>'));
    assert.ok(pageHtml({ ...options, title: 'T', body: '', language: 'x"><b>' }).includes('<html lang="x&quot;&gt;&lt;b&gt;">'));
  });

  it('shows the translated loading text as text, in the display language', () => {
    const translated = chartPage({ title: '生命周期工作量图表', loading: '正在加载 <图表> & …' });
    const html = pageHtml({ ...options, language: 'zh-cn', title: translated.title, body: translated.body });
    assert.ok(html.includes('<html lang="zh-cn">'));
    assert.ok(html.includes('<title>生命周期工作量图表</title>'));
    assert.ok(html.includes('<main id="chart-root" aria-busy="true"><p class="loading">正在加载 &lt;图表&gt; &amp; …</p></main>'), html);
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    assert.equal(new Set(nonces).size, 50);
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    }
  });
});
