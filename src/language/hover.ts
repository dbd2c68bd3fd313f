import * as vscode from 'vscode';
import { catalogStage } from '../model/domain/catalog';
import type { Plan, PlanStage } from '../model/domain/types';
import { splitLines, stageFieldAt } from '../model/planFile/planLines';
import { findPhraseAt, findTermAt } from '../model/presentation/glossary';
import { evidenceItems } from '../model/presentation/evidenceText';
import { HOVER_COMMANDS, hoverCard } from '../model/presentation/hoverContent';
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
    const subject =
      (isPlanFile ? stageFieldSubject(splitLines(document.getText()), position) : undefined) ?? mentionAt(lineText, position.character, plan);
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
    const markdown = new vscode.MarkdownString(card);
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, new vscode.Range(position.line, subject.start, position.line, subject.end));
  }
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
