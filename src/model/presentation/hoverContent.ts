// The hover card's Markdown, built from the catalog (stage facts), the glossary (term lines)
// and the plan (status, owner, note). Pure, so its exact wording is unit-tested. Every string
// that comes from the plan file is escaped: the hover is trusted for two navigation commands,
// so text in a note must never become a link, an image or HTML.

import * as l10n from '@vscode/l10n';
import { CATALOG, catalogStage, EFFORT_COLUMNS, type CatalogStage } from '../domain/catalog';
import type { StageTarget } from '../domain/stageTarget';
import { STATUS_LABELS } from '../domain/statuses';
import type { EffortCells, PlanStage } from '../domain/types';
import { COMMAND_IDS } from './commandIds';
import { evidenceHoverMarkdown, type EvidenceItem } from './evidenceText';
import type { GlossaryEntry } from './glossaryTerms';
import { escapeMarkdownLine } from './markdown';
import { truncateText } from './truncate';

export const REVEAL_STAGE_COMMAND = COMMAND_IDS.revealStage;
export const SHOW_CHART_COMMAND = COMMAND_IDS.showChart;
/** The only commands a hover may run: both navigate, neither changes the plan. */
export const HOVER_COMMANDS: readonly string[] = [REVEAL_STAGE_COMMAND, SHOW_CHART_COMMAND];

/** A Markdown line break inside a paragraph. */
const HARD_BREAK = '  \n';

/** Notes longer than this are cut in hovers; the sidebar and the file have the whole text. */
const MAX_NOTE_CHARS = 200;

/**
 * Our own prose (catalog and glossary) mid-line: only what Markdown acts on inside a line is
 * escaped, so the source stays readable ("fine-tuning", "# of tokens").
 */
function escapeProse(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, '\\$&');
}

/** A `command:` link; arguments are JSON in the query, with `(` and `)` encoded so the link stays whole. */
export function commandLink(label: string, command: string, args?: readonly unknown[]): string {
  const query = args === undefined ? '' : `?${encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
  return `[${escapeProse(label)}](command:${command}${query})`;
}

/** What a hover card is about. */
export interface HoverCardInput {
  /** A glossary term the card explains, when it was a term that was hovered. */
  readonly term?: GlossaryEntry;
  /** The stage id the card describes: a built-in id, or a custom stage of the plan. */
  readonly stageId: string;
  /** The plan's stage with that id, when the plan has one. */
  readonly planStage?: PlanStage;
  /** True when a plan was found for the file (so "not in this plan" can be said). */
  readonly hasPlan: boolean;
  /** Where the stage lives, for the Reveal link; given only when the plan has the stage. */
  readonly target?: StageTarget;
  /** The plan stage's evidence entries and what was found for each (the adapter looks them up). */
  readonly evidence?: readonly EvidenceItem[];
}

/** The card's Markdown, or undefined when there is nothing to say (an unknown custom id). */
export function hoverCard(input: HoverCardInput): string | undefined {
  const catalogEntry = catalogStage(input.stageId);
  const stage = input.planStage;
  if (!catalogEntry && !stage) {
    return undefined;
  }
  // Few paragraphs, so the card fits above a line near the top of an editor.
  const heading = stageHeading(catalogEntry, stage, input.term !== undefined);
  const blocks: string[] = [input.term ? `**${escapeProse(input.term.term)}**: ${escapeProse(input.term.explanation)}${HARD_BREAK}${heading}` : heading];
  const cells = catalogEntry ? effortCellLines(catalogEntry, escapeProse) : effortCellLines(stage?.effort, escapeMarkdownLine);
  if (cells) {
    blocks.push(cells);
  }
  if (catalogEntry) {
    blocks.push(escapeProse(catalogEntry.guidance));
  }
  const evidence = evidenceHoverMarkdown(input.evidence ?? []);
  if (evidence) {
    blocks.push(evidence);
  }
  const links = [commandLink(l10n.t('Open effort chart'), SHOW_CHART_COMMAND)];
  if (input.target && stage) {
    links.unshift(commandLink(l10n.t('Reveal in sidebar'), REVEAL_STAGE_COMMAND, [input.target]));
  }
  // Status, owner and links share one line; a note follows on its own.
  const planLine = planStatusLine(stage, input.hasPlan);
  const lastLine = [...(planLine ? [planLine] : []), ...links].join(' · ');
  blocks.push(stage?.note ? `${lastLine}${HARD_BREAK}${l10n.t('Note: {0}', escapeMarkdownLine(truncateText(stage.note, MAX_NOTE_CHARS)))}` : lastLine);
  return blocks.join('\n\n');
}

function stageHeading(catalogEntry: CatalogStage | undefined, stage: PlanStage | undefined, underTerm: boolean): string {
  if (catalogEntry) {
    const title = escapeProse(catalogEntry.title);
    return underTerm
      ? l10n.t('Belongs to **{0}** (stage {1} of {2})', title, catalogEntry.order, CATALOG.length)
      : l10n.t('**{0}**: lifecycle stage {1} of {2}', title, catalogEntry.order, CATALOG.length);
  }
  // A custom stage of this plan (the only other way to get here).
  return l10n.t('**{0}**: custom stage {1}', escapeMarkdownLine(stage?.title ?? ''), escapeMarkdownLine(stage?.id ?? ''));
}

function effortCellLines(cells: EffortCells | undefined, escape: (text: string) => string): string | undefined {
  if (!cells) {
    return undefined;
  }
  const lines = EFFORT_COLUMNS.filter(({ key }) => typeof cells[key] === 'string' && cells[key].trim() !== '').map(
    ({ key, label }) => `- **${label}:** ${escape(cells[key] ?? '')}`,
  );
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function planStatusLine(stage: PlanStage | undefined, hasPlan: boolean): string | undefined {
  if (!stage) {
    return hasPlan ? l10n.t('*Not in this plan.*') : undefined;
  }
  const parts = [l10n.t('**In this plan:** {0}', STATUS_LABELS[stage.status])];
  if (stage.owner) {
    parts.push(l10n.t('owner {0}', escapeMarkdownLine(stage.owner)));
  }
  return parts.join(' · ');
}

/** A stage's summary for completion documentation: title, the four cells and the guidance. */
export function catalogStageMarkdown(stage: CatalogStage): string {
  return [l10n.t('**{0}**: lifecycle stage {1} of {2}', escapeProse(stage.title), stage.order, CATALOG.length), effortCellLines(stage, escapeProse) ?? '', escapeProse(stage.guidance)]
    .filter((block) => block !== '')
    .join('\n\n');
}
