import * as vscode from 'vscode';
import { catalogStage } from '../model/domain/catalog';
import type { Plan, PlanStage } from '../model/domain/types';
import { estimateKeyAt } from '../model/planFile/estimateKeys';
import { splitLines, stageFieldAt } from '../model/planFile/planLines';
import { planEstimateMarkdown, stageEstimateMarkdown } from '../model/presentation/estimateHover';
import { findPhraseAt, findTermAt } from '../model/presentation/glossary';
import { evidenceItems } from '../model/presentation/evidenceText';
import { HOVER_COMMANDS, hoverCard } from '../model/presentation/hoverContent';
import { keyDocAt } from '../model/presentation/keyDocs';
import type { EstimateConfig } from '../workspace/estimateConfig';
import type { EvidenceLookup } from '../workspace/evidenceChecker';
import { latestPlan, stageTargetIn, type FolderPlan } from '../workspace/planStore';
import type { PlanDocuments } from './planDocuments';

/** What the cursor is on: a stage (by id) and, for a technique term, its glossary entry. */
interface HoverSubject {
  readonly stageId: string;
  readonly term: ReturnType<typeof findTermAt>;
  readonly start: number;
  readonly end: number;
}

/**
 * Hover cards on plan files: stage ids and titles in lifecycle.yaml, and technique terms and
 * stage names there and in markdown plans. Links in the card only navigate.
 */
export class PlanHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: PlanDocuments,
    private readonly estimates: EstimateConfig,
    private readonly evidence: EvidenceLookup,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (token.isCancellationRequested || !this.documents.hoverEnabled(document)) {
      return undefined;
    }
    // Right after activation the plan may not be read yet; the card should still say its status.
    await this.documents.ready;
    if (token.isCancellationRequested) {
      return undefined;
    }
    const planFile = this.documents.planOf(document);
    if (planFile) {
      return this.hover(document, position, planFile, true);
    }
    if (this.documents.isMarkdownPlan(document)) {
      return this.hover(document, position, this.documents.planForMarkdown(document), false);
    }
    return undefined;
  }

  private hover(document: vscode.TextDocument, position: vscode.Position, folderPlan: FolderPlan | undefined, isPlanFile: boolean): vscode.Hover | undefined {
    // The latest parse, even with errors elsewhere: the card describes the text being read.
    const plan = folderPlan?.exists ? latestPlan(folderPlan) : undefined;
    const lineText = document.lineAt(position.line).text;
    const lines = isPlanFile ? splitLines(document.getText()) : undefined;
    const estimate = lines && plan ? this.estimateHover(lines, position, plan) : undefined;
    if (estimate) {
      return estimate;
    }
    const keyDoc = isPlanFile ? keyDocAt(lineText, position.character) : undefined;
    if (keyDoc) {
      // Plain text from our own table: nothing in it is a link or a command.
      return new vscode.Hover(new vscode.MarkdownString(keyDoc.markdown), new vscode.Range(position.line, keyDoc.start, position.line, keyDoc.end));
    }
    const fieldSubject = lines ? stageFieldSubject(lines, position) : undefined;
    const subject = fieldSubject ?? mentionAt(lineText, position.character, plan);
    if (!subject) {
      return undefined;
    }
    const planStage = plan?.stages.find((stage) => stage.id === subject.stageId);
    const card = hoverCard({
      stageId: subject.stageId,
      ...(subject.term?.entry && { term: subject.term.entry }),
      ...(planStage && { planStage }),
      hasPlan: plan !== undefined,
      ...(planStage && folderPlan && { target: stageTargetIn(folderPlan, planStage.id) }),
      // What the checker last found (its cache: a hover never waits on the disk).
      ...(planStage?.evidence && folderPlan && { evidence: evidenceItems(planStage.evidence, (pattern) => this.evidence.exists(folderPlan.folder.uri.toString(), pattern)) }),
    });
    if (!card) {
      return undefined;
    }
    // A stage's id or title in the plan file: its memory estimate too, once the plan sizes its model.
    const estimateText = fieldSubject && plan?.model?.parameters !== undefined && planStage?.builtIn ? stageEstimateMarkdown(plan, planStage.id, this.estimates.settings) : undefined;
    const markdown = new vscode.MarkdownString(estimateText === undefined ? card : `${card}\n\n---\n\n${estimateText}`);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, new vscode.Range(position.line, subject.start, position.line, subject.end));
  }

  /** On `parameters:`/`precision:` under `model:`, or a stage's `method:`, `precision:` or `trainable:`: the estimate. */
  private estimateHover(lines: readonly string[], position: vscode.Position, plan: Plan): vscode.Hover | undefined {
    const found = estimateHoverMarkdown(lines, position, plan, this.estimates);
    // No command links in it, so the Markdown is not trusted.
    return found && new vscode.Hover(new vscode.MarkdownString(found.markdown), found.range);
  }
}

function estimateHoverMarkdown(lines: readonly string[], position: vscode.Position, plan: Plan, estimates: EstimateConfig): { markdown: string; range: vscode.Range } | undefined {
  const hit = estimateKeyAt(lines, position.line, position.character);
  if (!hit) {
    return undefined;
  }
  const markdown = hit.scope === 'model' ? planEstimateMarkdown(plan, estimates.settings) : stageEstimateMarkdown(plan, hit.stageId, estimates.settings);
  return markdown === undefined ? undefined : { markdown, range: new vscode.Range(position.line, hit.start, position.line, hit.end) };
}

function stageFieldSubject(lines: readonly string[], position: vscode.Position): HoverSubject | undefined {
  const hit = stageFieldAt(lines, position.line, position.character);
  return hit && { stageId: hit.stageId, term: undefined, start: hit.start, end: hit.end };
}

/** The longest glossary term, built-in stage name, or custom stage id or title at the cursor. */
function mentionAt(lineText: string, character: number, plan: Plan | undefined): HoverSubject | undefined {
  const term = findTermAt(lineText, character);
  const custom = plan ? customStageMentionAt(lineText, character, plan.stages) : undefined;
  if (custom && (!term || custom.end - custom.start > term.end - term.start)) {
    return { stageId: custom.stageId, term: undefined, start: custom.start, end: custom.end };
  }
  return term && { stageId: term.stageId, term, start: term.start, end: term.end };
}

/** Names known only to this plan: custom stage ids and titles, and titles a plan gives built-in stages. */
function customStageMentionAt(lineText: string, character: number, stages: readonly PlanStage[]): { stageId: string; start: number; end: number } | undefined {
  const byPhrase = new Map<string, string>();
  for (const stage of stages) {
    const catalogEntry = catalogStage(stage.id);
    if (!catalogEntry) {
      byPhrase.set(stage.id, stage.id);
    }
    if (stage.title !== catalogEntry?.title) {
      byPhrase.set(stage.title, stage.id);
    }
  }
  if (byPhrase.size === 0) {
    return undefined;
  }
  const found = findPhraseAt(lineText, character, [...byPhrase.keys()]);
  const stageId = found && byPhrase.get(found.phrase);
  return found && stageId !== undefined ? { stageId, start: found.start, end: found.end } : undefined;
}
