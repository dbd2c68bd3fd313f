import * as assert from 'node:assert/strict';
import { CATALOG } from '../../src/model/domain/catalog';
import type { PlanStage } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { findTermAt, lookupTerm } from '../../src/model/presentation/glossary';
import { catalogStageMarkdown, commandLink, hoverCard } from '../../src/model/presentation/hoverContent';
import { escapeMarkdownLine } from '../../src/model/presentation/markdown';

const PLAN = parse(
  [
    'version: 1',
    'stages:',
    '  - id: fine-tuning',
    '    status: in-progress',
    '    owner: dana',
    '  - id: pre-training',
    '    status: skipped',
    "    note: 'See <b>this</b> [link](command:genaiLifecycle.startStage) **now** https://example.com'",
    '  - id: eval-harness',
    '    title: "Eval <i>harness</i>"',
    '    status: blocked',
    '    owner: "[kim](https://x)"',
    '    effort:',
    '      duration: Hours',
    '      expertise: "*High*"',
    '',
  ].join('\n'),
).plan;

function stage(id: string): PlanStage {
  const found = PLAN?.stages.find((candidate) => candidate.id === id);
  assert.ok(found, id);
  return found;
}

const TARGET = { folderUri: 'file:///work/project', stageId: 'fine-tuning' };
const REVEAL_FINE_TUNING =
  '[Reveal in sidebar](command:genaiLifecycle.revealStage?%5B%7B%22folderUri%22%3A%22file%3A%2F%2F%2Fwork%2Fproject%22%2C%22stageId%22%3A%22fine-tuning%22%7D%5D)';
const CHART_LINK = '[Open effort chart](command:genaiLifecycle.showChart)';

describe('hover card content', () => {
  it('explains a term, its stage, the four cells, the guidance and the plan status, with navigation links', () => {
    const term = lookupTerm('LoRA');
    assert.ok(term);
    const card = hoverCard({ term, stageId: 'fine-tuning', planStage: stage('fine-tuning'), hasPlan: true, target: TARGET });
    assert.equal(
      card,
      [
        '**LoRA**: Low-rank adaptation: trains small low-rank matrices next to frozen weight layers; cheap to store, mergeable for serving.  \nBelongs to **Prompt tuning and fine-tuning** (stage 3 of 5)',
        [
          '- **Training duration:** Minutes to hours',
          '- **Customization:** Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights',
          '- **Objective:** Increase task performance',
          '- **Expertise:** Medium',
        ].join('\n'),
        'When prompting falls short, tune the model: full fine-tuning, or parameter-efficient methods such as LoRA and prompt tuning. A modest labelled set often suffices, so this can fit in about a day.',
        `**In this plan:** In progress · owner dana · ${REVEAL_FINE_TUNING} · ${CHART_LINK}`,
      ].join('\n\n'),
    );
  });

  it('describes a stage by id without a term line, and says when the plan lacks it', () => {
    const card = hoverCard({ stageId: 'deployment', hasPlan: true });
    assert.ok(card);
    const blocks = card.split('\n\n');
    assert.equal(blocks[0], '**Compression / optimization / deployment**: lifecycle stage 5 of 5');
    assert.equal(blocks[1].split('\n').length, 4);
    // No Reveal link for a stage the sidebar does not have.
    assert.equal(blocks[3], `*Not in this plan.* · ${CHART_LINK}`);
    assert.equal(blocks.length, 4);
  });

  it('leaves out the plan line when there is no plan at all', () => {
    const card = hoverCard({ stageId: 'rlhf', hasPlan: false });
    assert.ok(card);
    assert.ok(!card.includes('In this plan') && !card.includes('Not in this plan'));
    assert.ok(card.endsWith(`\n\n${CHART_LINK}`));
  });

  it('escapes every plan string so markdown and HTML in notes show as text', () => {
    const card = hoverCard({ stageId: 'pre-training', planStage: stage('pre-training'), hasPlan: true, target: { ...TARGET, stageId: 'pre-training' } });
    assert.ok(card);
    assert.ok(
      card.endsWith(
        '**In this plan:** Skipped · [Reveal in sidebar](command:genaiLifecycle.revealStage?%5B%7B%22folderUri%22%3A%22file%3A%2F%2F%2Fwork%2Fproject%22%2C%22stageId%22%3A%22pre-training%22%7D%5D) · [Open effort chart](command:genaiLifecycle.showChart)  \nNote: See \\<b\\>this\\</b\\> \\[link\\]\\(command\\:genaiLifecycle\\.startStage\\) \\*\\*now\\*\\* https\\://example\\.com',
      ),
      card,
    );
    // The only links are ours.
    assert.deepEqual(card.match(/\]\(command:[^)?]*/g)?.map((link) => link.slice(2)), [
      'command:genaiLifecycle.revealStage',
      'command:genaiLifecycle.showChart',
    ]);
  });

  it('shows a custom stage with its own effort cells, escaped', () => {
    const card = hoverCard({ stageId: 'eval-harness', planStage: stage('eval-harness'), hasPlan: true, target: { ...TARGET, stageId: 'eval-harness' } });
    assert.equal(
      card,
      [
        '**Eval \\<i\\>harness\\</i\\>**: custom stage eval\\-harness',
        '- **Training duration:** Hours\n- **Expertise:** \\*High\\*',
        `**In this plan:** Blocked · owner \\[kim\\]\\(https\\://x\\) · ${REVEAL_FINE_TUNING.replace('fine-tuning', 'eval-harness')} · ${CHART_LINK}`,
      ].join('\n\n'),
    );
  });

  it('has nothing to say about an unknown id that is not in the plan', () => {
    assert.equal(hoverCard({ stageId: 'mystery', hasPlan: true }), undefined);
  });

  it('cuts long notes', () => {
    const base = stage('fine-tuning');
    const card = hoverCard({ stageId: 'fine-tuning', planStage: { ...base, note: 'word '.repeat(100) }, hasPlan: true });
    const note = card?.split('\n').find((line) => line.startsWith('Note: '))?.trimEnd();
    assert.ok(note?.endsWith('…'));
    assert.ok(note !== undefined && note.length < 230);
  });

  it('cuts a long note between characters, never inside an emoji', () => {
    const base = stage('fine-tuning');
    const card = hoverCard({ stageId: 'fine-tuning', planStage: { ...base, note: 'a'.repeat(199) + '😀'.repeat(10) }, hasPlan: true });
    const note = card?.split('\n').find((line) => line.startsWith('Note: '));
    assert.equal(note, `Note: ${'a'.repeat(199)}…`);
  });

  it('escapeMarkdownLine neutralizes markdown, HTML, entities and line breaks', () => {
    assert.equal(escapeMarkdownLine('a *b* _c_ `d` <e> &amp; [f](g) # h\n- i ~j~ |k| $(zap)'), 'a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> \\&amp; \\[f\\]\\(g\\) \\# h \\- i \\~j\\~ \\|k\\| \\$\\(zap\\)');
  });

  it('command links encode their arguments, parentheses included', () => {
    assert.equal(commandLink('Go', 'x.y', [{ stageId: 'a(b)' }]), '[Go](command:x.y?%5B%7B%22stageId%22%3A%22a%28b%29%22%7D%5D)');
    assert.equal(commandLink('Chart', 'x.chart'), '[Chart](command:x.chart)');
  });

  it('builds completion documentation for each built-in stage', () => {
    for (const stage of CATALOG) {
      const markdown = catalogStageMarkdown(stage);
      assert.ok(markdown.startsWith(`**${stage.title}**: lifecycle stage ${stage.order} of 5\n\n- **Training duration:** ${stage.trainingDuration}\n`), markdown);
      assert.ok(markdown.endsWith(stage.guidance));
    }
  });

  it('a term found in text leads to a card for its stage', () => {
    const match = findTermAt('Quantization to int8 keeps inference latency low.', 16);
    assert.equal(match?.entry?.term, 'int8');
    const card = hoverCard({ term: match.entry, stageId: match.stageId, hasPlan: false });
    assert.ok(card?.startsWith('**int8**: 8-bit integer weights'));
    assert.ok(card?.includes('  \nBelongs to **Compression / optimization / deployment** (stage 5 of 5)\n\n'));
  });
});
