import type * as vscode from 'vscode';
import type { Advisor } from './workspace/advisor';
import type { EstimateConfig } from './workspace/estimateConfig';
import type { EvidenceChecker } from './workspace/evidenceChecker';
import type { PlanStore } from './workspace/planStore';
import type { PlanWriter } from './workspace/planWriter';

/** The small set of shared objects every feature receives; there is no other shared state. */
export interface LifecycleServices {
  readonly context: vscode.ExtensionContext;
  readonly store: PlanStore;
  readonly writer: PlanWriter;
  readonly log: vscode.LogOutputChannel;
  /** The lifecycle advisor: current advice per plan (today, the setting, dismissals). */
  readonly advisor: Advisor;
  /** The memory estimates' figures (settings), for every surface that shows an estimate. */
  readonly estimates: EstimateConfig;
  /** Whether each stage's `evidence:` files exist, kept up to date by file watchers. */
  readonly evidence: EvidenceChecker;
}
