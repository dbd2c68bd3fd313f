// The elements of the Stages tree. Built from the store's FolderPlans after every change, when
// VS Code asks for them (a plan may hold thousands of stages; only the rows shown are built),
// so a node is a snapshot: it never reads files and never changes after it is built.

import type * as vscode from 'vscode';
import type { StageTarget } from '../model/domain/stageTarget';
import type { PlanStage, PlanTask } from '../model/domain/types';
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
  /** Its rows: the stage plan, if any, and the tasks (built when the stage is expanded). */
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

/** "Show 200 more": the next page of a long list (stages of a plan, tasks of a stage). */
export interface MoreNode extends NodeBase {
  readonly kind: 'more';
  /** The list it extends (see StagesTreeProvider.showMore). */
  readonly listKey: string;
  readonly row: MoreRow;
}

export type LifecycleNode = FolderNode | ProblemsNode | StageNode | TaskNode | StagePlanNode | MoreNode;

/** Nodes that name a stage (commands run from any of them act on that stage). */
export type StageScopedNode = StageNode | TaskNode | StagePlanNode;

export function isStageScoped(node: LifecycleNode): node is StageScopedNode {
  return node.kind === 'stage' || node.kind === 'task' || node.kind === 'stagePlan';
}
