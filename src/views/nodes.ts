// The elements of the Stages tree. Built from the store's FolderPlans after every change, when
// VS Code asks for them (a plan may hold thousands of stages; only the rows shown are built),
// so a node is a snapshot: it never reads files and never changes after it is built.

import type * as vscode from 'vscode';
import type { Advice } from '../model/domain/advice';
import type { AdviceTarget, StageTarget } from '../model/domain/stageTarget';
import type { Plan, PlanStage, PlanTask } from '../model/domain/types';
import type { EvidenceItem } from '../model/presentation/evidenceText';
import type { MoreRow } from '../model/presentation/paging';
import type { FolderPlan } from '../workspace/planStore';

interface NodeBase {
  /** Stable across rebuilds (VS Code keeps expansion and selection by it). */
  readonly id: string;
  readonly parent: LifecycleNode | undefined;
}

/** A workspace folder with a plan; only shown when more than one folder has one. */
export interface FolderNode extends NodeBase {
  readonly kind: 'folder';
  readonly folderPlan: FolderPlan;
}

/** "lifecycle.yaml has N problems", on top of the last good plan's stages. */
export interface ProblemsNode extends NodeBase {
  readonly kind: 'problems';
  readonly folderPlan: FolderPlan;
  readonly count: number;
}

export interface StageNode extends NodeBase {
  readonly kind: 'stage';
  readonly target: StageTarget;
  readonly stage: PlanStage;
  /** The stage to work on now (first in progress, else first not started). */
  readonly isCurrent: boolean;
  readonly planUri: vscode.Uri;
  /** Its rows: the stage plan, if any, the tasks and the evidence (built when the stage is expanded). */
  readonly childCount: number;
}

export interface TaskNode extends NodeBase {
  readonly kind: 'task';
  readonly target: StageTarget;
  readonly task: PlanTask;
  readonly taskIndex: number;
  readonly planUri: vscode.Uri;
}

/** The stage's `plan:` markdown file. */
export interface StagePlanNode extends NodeBase {
  readonly kind: 'stagePlan';
  readonly target: StageTarget;
  readonly path: string;
}

/**
 * "Next step": the advisor's first piece of advice on the plan, on top of its stages. Its
 * inline button is the advice's action, run on `target` (the stage the action is for), so it is
 * not stage-scoped: commands run from the palette do not take their stage from it.
 */
export interface AdviceNode extends NodeBase {
  readonly kind: 'advice';
  readonly plan: Plan;
  readonly advice: Advice;
  /** How many pieces of advice the plan has now (the item shows the first). */
  readonly total: number;
  /** The stage the action acts on (else the one the advice is about): what the inline action command receives. */
  readonly target: StageTarget;
  /** What Dismiss receives. */
  readonly adviceTarget: AdviceTarget;
}

/** One entry of the stage's `evidence:`, with what the checker had found when the node was built. */
export interface EvidenceNode extends NodeBase {
  readonly kind: 'evidence';
  readonly target: StageTarget;
  readonly item: EvidenceItem;
  /** What a click opens: the file of a plain path that was found (a folder is revealed in the explorer). */
  readonly open: { readonly uri: vscode.Uri; readonly isFolder: boolean } | undefined;
}

export type StageChildNode = TaskNode | StagePlanNode | EvidenceNode;


/** "Show 200 more": the next page of a long list (stages of a plan, tasks of a stage). */
export interface MoreNode extends NodeBase {
  readonly kind: 'more';
  /** The list it extends (see StagesTreeProvider.showMore). */
  readonly listKey: string;
  readonly row: MoreRow;
}

export type LifecycleNode = FolderNode | ProblemsNode | AdviceNode | StageNode | StageChildNode | MoreNode;

/** Nodes that name a stage (commands run from any of them act on that stage). */
export type StageScopedNode = StageNode | StageChildNode;

export function isStageScoped(node: LifecycleNode): node is StageScopedNode {
  return node.kind === 'stage' || node.kind === 'task' || node.kind === 'stagePlan' || node.kind === 'evidence';
}
