// The estimates in hovers on lifecycle.yaml: one stage's estimate (on its id, method,
// precision or trainable), and every stage's at a glance with the formulas and sources (on
// the model's parameters and precision). Markdown; plan text goes through the one escape.

import * as l10n from '@vscode/l10n';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../domain/estimateSettings';
import { estimatePlan } from '../domain/estimates';
import type { Plan } from '../domain/types';
import { estimateFormulas, sourceList, SOURCE_SHORT_NAMES } from './estimateFormulas';
import { estimateMarkdown, estimateTable } from './estimateText';
import { escapeMarkdownLine } from './markdown';

/** The estimate of the first stage with this id (edits and the chart take the first too); undefined when the plan has none. */
export function stageEstimateMarkdown(plan: Plan, stageId: string, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): string | undefined {
  const entry = estimatePlan(plan, settings).find((candidate) => candidate.stage.id === stageId);
  if (entry === undefined) {
    return undefined;
  }
  return estimateMarkdown(entry.estimate, { ...(plan.model?.base === undefined ? {} : { modelName: plan.model.base }), ...(entry.methods === undefined ? {} : { methods: entry.methods }) });
}

/** Every stage's estimate in a table, then how each is computed and from which sources. */
export function planEstimateMarkdown(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): string {
  const table = estimateTable(plan, settings);
  const blocks: string[] = [];
  if (table.model === undefined) {
    blocks.push(`**${l10n.t('GPU memory estimates')}**\n\n${l10n.t('Give the model’s size under `model:` (e.g. `parameters: 8B`) to estimate each stage’s GPU memory.')}`);
  } else {
    const hardware =
      table.hardware === undefined
        ? l10n.t('fit not checked ({0})', escapeMarkdownLine(table.hardwareProblem ?? l10n.t('add hardware: with gpu: or memory:')))
        : l10n.t('on {0}', escapeMarkdownLine(table.hardware));
    blocks.push(`**${l10n.t('GPU memory estimates')}**  \n${escapeMarkdownLine(table.model)}, ${hardware}`);
    const noEstimate = l10n.t('no estimate');
    blocks.push(
      [
        `| ${l10n.t('Stage')} | ${l10n.t('Method')} | ${l10n.t('Memory')} | ${l10n.t('Fit')} |`,
        '| --- | --- | ---: | --- |',
        ...table.rows.map((row) => `| ${escapeMarkdownLine(row.title)} | ${row.method ?? ''} | ${row.total ?? '—'} | ${row.problem === undefined ? row.fitText : noEstimate} |`),
      ].join('\n'),
    );
    const advice = table.rows.flatMap((row) => (row.advice === undefined ? [] : [`${escapeMarkdownLine(row.title)}: ${row.advice}`]));
    if (advice.length > 0) {
      blocks.push(advice.join('  \n'));
    }
    blocks.push(l10n.t('Hover a stage’s `id`, `method`, `precision` or `trainable` for its parts and their arithmetic.'));
  }
  const formulas = estimateFormulas(settings).map((entry) => `- **${entry.name}**: ${entry.formula} (${entry.sources.map((source) => SOURCE_SHORT_NAMES[source]).join(', ')})`);
  blocks.push([l10n.t('How each is computed:'), ...formulas].join('\n'));
  blocks.push([l10n.t('Sources:'), ...sourceList().map((source) => `- ${source.short}: ${source.citation}`)].join('\n'));
  return blocks.join('\n\n');
}
