// How the advisor reads in the views (tree, status bar, quick pick, chart header), the chart's
// runAdvice message, and the manifest entries that carry it (menus, setting, walkthrough).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ADVICE_MESSAGES, adviceKey, adviseOn, type Advice } from '../../src/model/domain/advice';
import { adviceTargetOf } from '../../src/model/domain/stageTarget';
import { STAGE_ACTIONS } from '../../src/model/domain/statusActions';
import { adviceActionLabel, adviceQuickPickParts, nextStepTooltipMarkdown, planEffortSummary, statusBarAdviceMarkdown } from '../../src/model/presentation/advice';
import { buildChart, CHART_ADVICE_LIMIT, parseWebviewMessage } from '../../src/model/presentation/chart';
import { ACTION_COMMANDS, adviceCommand, COMMAND_IDS } from '../../src/model/presentation/commandIds';
import { MANIFEST, readEnglishManifest, ROOT } from './manifest';
import { lifecycle, planOf, stage } from './planFactory';

const TODAY = '2026-12-01';
const fresh = lifecycle(['not-started', 'not-started', 'not-started', 'not-started', 'not-started']);
const freshAdvice = adviseOn(fresh, { today: TODAY, blockedTooLongDays: 14 });

describe('advice in the views', () => {
  it('words an action as its button: the action and the stage title', () => {
    assert.equal(adviceActionLabel(fresh, freshAdvice[0]), 'Skip Pre-training');
    assert.equal(adviceActionLabel(fresh, freshAdvice[1]), undefined, 'reuse-reward-model has no action');
  });

  it('maps advice to the stage command of its action, else Reveal Stage', () => {
    assert.deepEqual(adviceCommand(freshAdvice[0]), { command: COMMAND_IDS.skipStage, stageId: 'pre-training' });
    assert.deepEqual(adviceCommand(freshAdvice[1]), { command: COMMAND_IDS.revealStage, stageId: 'rlhf' });
    for (const action of STAGE_ACTIONS) {
      assert.equal(adviceCommand({ id: 'start-next-stage', stageId: 'x', message: '', action: { command: action, stageId: 'x' } }).command, ACTION_COMMANDS[action]);
    }
  });

  it('escapes plan text in the Markdown tooltips and keeps the messages as they are', () => {
    const hostile = planOf([stage('pre-training', 'not-started', { title: '[x](command:evil) $(bug)' })]);
    const [advice] = adviseOn(hostile, { today: TODAY, blockedTooLongDays: 14 });
    assert.ok(advice);
    const tooltip = nextStepTooltipMarkdown(hostile, advice, 1);
    assert.ok(tooltip.includes('\\[x\\]\\(command\\:evil\\) \\$\\(bug\\)'), tooltip);
    assert.ok(tooltip.includes(ADVICE_MESSAGES.skipPreTrainingFresh));
    const status = statusBarAdviceMarkdown(hostile, advice);
    assert.ok(!status.includes('[x](command'), status);
    assert.ok(status.startsWith('$(lightbulb) **Next step** ('), status);
  });

  it('says how many more the tree item hides', () => {
    assert.ok(nextStepTooltipMarkdown(fresh, freshAdvice[0], 2).includes('1 more: choose this line to see all 2.'));
  });

  it('puts the roll-up under the advice in the status bar tooltip, and alone when there is no advice', () => {
    assert.equal(statusBarAdviceMarkdown(fresh, undefined), `**Effort ahead:** ${planEffortSummary(fresh)}`);
    assert.equal(planEffortSummary(fresh), '5 stages open · up to High expertise · longest: days to weeks to months');
  });

  it('keeps plan text from becoming icons in the quick pick', () => {
    const plan = planOf([stage('data', 'not-started', { title: 'Data $(flame)' })]);
    const [advice] = adviseOn(plan, { today: TODAY, blockedTooLongDays: 14 });
    assert.ok(advice);
    assert.deepEqual(adviceQuickPickParts(plan, advice, 'svc $(x)'), {
      label: ADVICE_MESSAGES.startFirstStage,
      description: 'Data \\$(flame) · svc \\$(x)',
      detail: 'Choose to start Data \\$(flame)',
    });
    assert.equal(adviceQuickPickParts(fresh, freshAdvice[1], undefined).detail, 'Choose to show Reinforcement learning / human feedback in the sidebar');
  });

  it('reads an advice target from itself or from a node carrying it', () => {
    const target = { folderUri: 'file:///p', adviceKey: 'prompt-first:prompt-engineering' };
    assert.deepEqual(adviceTargetOf(target), target);
    assert.deepEqual(adviceTargetOf({ kind: 'advice', adviceTarget: target }), target);
    assert.equal(adviceTargetOf({ folderUri: 'file:///p', stageId: 'x' }), undefined);
    assert.equal(adviceTargetOf(undefined), undefined);
  });
});

describe('advice in the chart', () => {
  it('carries the first few pieces of advice, their count and the roll-up', () => {
    const many: Advice[] = ['a', 'b', 'c', 'd'].map((id) => ({ id: 'blocked-too-long', stageId: id, message: `m ${id}` }));
    const plan = planOf(['a', 'b', 'c', 'd'].map((id) => stage(id, 'blocked')));
    const chart = buildChart({ plan, advice: many });
    assert.equal(chart.advice.length, CHART_ADVICE_LIMIT);
    assert.equal(chart.adviceCount, 4);
    assert.deepEqual(chart.advice[0], { key: 'blocked-too-long:a', stageId: 'a', stageTitle: 'a', message: 'm a' });
    assert.equal(chart.effortSummary, '4 stages open');
  });

  it('labels the action button and says nothing without a plan', () => {
    const chart = buildChart({ plan: fresh, advice: freshAdvice });
    assert.deepEqual(chart.advice[0], {
      key: 'skip-pre-training:pre-training',
      stageId: 'pre-training',
      stageTitle: 'Pre-training',
      message: ADVICE_MESSAGES.skipPreTrainingFresh,
      actionLabel: 'Skip Pre-training',
    });
    const none = buildChart({ advice: freshAdvice });
    assert.deepEqual([none.advice, none.adviceCount, none.effortSummary], [[], 0, undefined]);
  });

  it('accepts runAdvice only for a current advice key, with nothing else in the message', () => {
    const stages = new Map();
    const keys = new Set(freshAdvice.map(adviceKey));
    assert.deepEqual(parseWebviewMessage({ type: 'runAdvice', key: 'skip-pre-training:pre-training' }, stages, keys), { type: 'runAdvice', key: 'skip-pre-training:pre-training' });
    for (const message of [
      { type: 'runAdvice', key: 'start-next-stage:pre-training' },
      { type: 'runAdvice', key: 7 },
      { type: 'runAdvice' },
      { type: 'runAdvice', key: 'skip-pre-training:pre-training', command: COMMAND_IDS.initPlan },
    ]) {
      assert.equal(parseWebviewMessage(message, stages, keys), undefined, JSON.stringify(message));
    }
    assert.equal(parseWebviewMessage({ type: 'runAdvice', key: 'skip-pre-training:pre-training' }, stages), undefined, 'no keys given: nothing to run');
  });
});

interface AdviceManifest {
  readonly contributes: {
    readonly configuration: { readonly properties: Readonly<Record<string, { readonly type: string; readonly default: unknown; readonly minimum?: number }>> };
    readonly walkthroughs: readonly {
      readonly title: string;
      readonly steps: readonly { readonly description: string; readonly media: { readonly markdown?: string }; readonly completionEvents?: readonly string[] }[];
    }[];
  };
}

describe('the advisor in package.json', () => {
  const manifest = readEnglishManifest() as AdviceManifest;
  const menu = MANIFEST.contributes.menus['view/item/context'];

  it('gives the Next step item its action inline, for every action the advisor may propose', () => {
    for (const action of STAGE_ACTIONS) {
      const contextValue = `advice.${action}`;
      const inline = menu.filter((entry) => entry.group?.startsWith('inline@1') && whenMatches(entry.when ?? '', contextValue));
      assert.deepEqual(
        inline.map((entry) => entry.command),
        [ACTION_COMMANDS[action]],
        contextValue,
      );
    }
    assert.deepEqual(menu.filter((entry) => entry.group?.startsWith('inline@1') && whenMatches(entry.when ?? '', 'advice')), [], 'no action, no button');
    for (const contextValue of ['advice', 'advice.skip']) {
      assert.ok(menu.some((entry) => entry.command === COMMAND_IDS.dismissAdvice && entry.group?.startsWith('inline') && whenMatches(entry.when ?? '', contextValue)), contextValue);
    }
  });

  it('declares the blocked-days setting: 14 days by default, at least 1', () => {
    assert.deepEqual(manifest.contributes.configuration.properties['genaiLifecycle.advice.blockedTooLongDays'], {
      ...manifest.contributes.configuration.properties['genaiLifecycle.advice.blockedTooLongDays'],
      type: 'integer',
      default: 14,
      minimum: 1,
    });
  });

  it('has a walkthrough whose steps end on real events and show markdown that exists', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.title, 'Plan your GenAI project');
    assert.ok(walkthrough.steps.length >= 4 && walkthrough.steps.length <= 5);
    const commands = new Set<string>([...Object.values(COMMAND_IDS), 'genaiLifecycle.stages.focus']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      assert.ok((step.completionEvents ?? []).length > 0, step.description);
      for (const event of step.completionEvents ?? []) {
        const [kind, name] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        assert.ok(['onCommand', 'onView', 'onContext'].includes(kind), event);
        if (kind === 'onCommand') {
          assert.ok(commands.has(name), event);
        }
      }
      for (const link of step.description.matchAll(/\(command:([^)]+)\)/g)) {
        assert.ok(commands.has(link[1]), link[1]);
      }
    }
  });
});

/** Whether a `viewItem == x` or `viewItem =~ /re/` clause holds for this context value. */
function whenMatches(when: string, contextValue: string): boolean {
  const regex = /viewItem =~ \/(.+?)\/(?: |$)/.exec(when);
  if (regex) {
    return new RegExp(regex[1]).test(contextValue);
  }
  const equal = /viewItem == (\S+)/.exec(when);
  return equal?.[1] === contextValue;
}
