// Where commands meet evidence: a stage whose evidence is partly missing is only marked done
// after one question, and the status report counts what each stage's evidence found.

import * as vscode from 'vscode';
import { adviseOn } from '../model/domain/advice';
import type { EvidenceResult } from '../model/domain/evidence';
import { effortRollup } from '../model/domain/effortRollup';
import type { Plan, PlanStage } from '../model/domain/types';
import { missingEvidenceQuestion } from '../model/presentation/evidenceText';
import { statusReport } from '../model/presentation/statusReport';
import { blockedTooLongDays } from '../workspace/config';
import type { EvidenceChecker } from '../workspace/evidenceChecker';
import { pickOne } from './resolve';

/**
 * Whether to go on marking `stage` done: yes when it lists no evidence or all of it is found
 * (looked up now, not from the cache); otherwise the user is asked once, in a quick pick.
 */
export async function completeDespiteEvidence(evidence: EvidenceChecker, folder: vscode.WorkspaceFolder, stage: PlanStage): Promise<boolean> {
  const entries = stage.evidence ?? [];
  if (entries.length === 0 || stage.status === 'done') {
    return true;
  }
  const results = await evidence.check(folder, entries);
  if (results.every((result) => result.found)) {
    return true;
  }
  // A quick pick, not a modal dialog: the same flow as picking the stage.
  const items: vscode.QuickPickItem[] = [{ label: vscode.l10n.t('Complete anyway') }, { label: vscode.l10n.t('Cancel') }];
  const title = vscode.l10n.t('Complete {0}', stage.title);
  const picked = await pickOne(items, missingEvidenceQuestion(results), items[0], (quickPick) => {
    quickPick.title = title;
  });
  return picked === items[0];
}

/** The status report of a folder's plan on `date`: advice as of that date, evidence looked up now. */
export async function statusReportOf(evidence: EvidenceChecker, folder: vscode.WorkspaceFolder, plan: Plan, date: string): Promise<string> {
  const patterns = [...new Set(plan.stages.flatMap((stage) => stage.evidence ?? []))];
  const found = new Map((await evidence.check(folder, patterns)).map((result) => [result.pattern, result.found]));
  const perStage = new Map<string, EvidenceResult[]>();
  for (const stage of plan.stages) {
    if (stage.evidence && stage.evidence.length > 0 && !perStage.has(stage.id)) {
      perStage.set(stage.id, stage.evidence.map((pattern) => ({ pattern, found: found.get(pattern) ?? false })));
    }
  }
  const advice = adviseOn(plan, { today: date, blockedTooLongDays: blockedTooLongDays(folder) });
  return statusReport(plan, date, { advice, rollup: effortRollup(plan), evidence: perStage });
}
