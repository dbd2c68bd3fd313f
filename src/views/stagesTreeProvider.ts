import * as vscode from 'vscode';
import { adviceKey, type Advice } from '../model/domain/advice';
import { currentStage } from '../model/domain/progress';
import type { StageTarget } from '../model/domain/stageTarget';
import type { Plan, PlanStage } from '../model/domain/types';
import { evidenceItems } from '../model/presentation/evidenceText';
import { Disposable } from '../util/disposable';
import { evidenceUri, type EvidenceLookup } from '../workspace/evidenceChecker';
import { stageTargetIn, type FolderPlan, type PlanStore } from '../workspace/planStore';
import type { AdviceNode, EvidenceNode, FolderNode, LifecycleNode, ProblemsNode, StageChildNode, StageNode } from './nodes';
import { toTreeItem } from './treeItems';

/**
 * The Stages tree. It only listens to the plan store: on every change it rebuilds its small
 * node snapshot and tells VS Code to ask again. It never reads files.
 */
export class StagesTreeProvider extends Disposable implements vscode.TreeDataProvider<LifecycleNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<LifecycleNode | undefined>());
  private roots: readonly LifecycleNode[] = [];
  private stagesByTarget = new Map<string, StageNode>();

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly store: PlanStore,
    private readonly advisor: AdviceSource,
    private readonly evidence: EvidenceLookup,
  ) {
    super();
    this.rebuild();
    const refresh = (): void => {
      this.rebuild();
      this.changeEmitter.fire(undefined);
    };
    this.register(store.onDidChange(refresh));
    this.register(advisor.onDidChange(refresh));
    // A check or a cross turns when an evidence file appears or goes.
    this.register(evidence.onDidChange(refresh));
  }

  getTreeItem(node: LifecycleNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: LifecycleNode): LifecycleNode[] {
    // Copies: VS Code may keep the arrays, the snapshot stays immutable.
    if (!node) {
      return [...this.roots];
    }
    return node.kind === 'folder' || node.kind === 'stage' ? [...node.children] : [];
  }

  getParent(node: LifecycleNode): LifecycleNode | undefined {
    return node.parent;
  }

  /** The plans the tree shows, in workspace-folder order. */
  get folderPlans(): readonly FolderPlan[] {
    return this.store.existing();
  }

  /** The node of a stage, as last built (the same object VS Code was given). */
  stageNode(target: StageTarget): StageNode | undefined {
    return this.stagesByTarget.get(targetKey(target));
  }

  /** The current stage's node in a folder's plan. */
  currentStageNode(folderUri: string): StageNode | undefined {
    const plan = this.store.get(folderUri)?.plan;
    const stage = plan ? currentStage(plan) : undefined;
    return stage ? this.stageNode({ folderUri, stageId: stage.id }) : undefined;
  }

  private rebuild(): void {
    this.stagesByTarget = new Map();
    const plans = this.store.existing();
    if (plans.length === 1) {
      this.roots = this.folderContents(plans[0], undefined);
      return;
    }
    this.roots = plans.map((folderPlan) => {
      const id = `folder:${folderPlan.folder.uri.toString()}`;
      const children: LifecycleNode[] = [];
      const node: FolderNode = { kind: 'folder', id, parent: undefined, folderPlan, children };
      // Not `push(...)`: a plan may hold more stages than a call takes arguments.
      for (const child of this.folderContents(folderPlan, node)) {
        children.push(child);
      }
      return node;
    });
  }

  /** The problems item (when the latest text has errors), the Next step item (when there is advice), then the shown plan's stages. */
  private folderContents(folderPlan: FolderPlan, parent: FolderNode | undefined): LifecycleNode[] {
    const folderUri = folderPlan.folder.uri.toString();
    const nodes: LifecycleNode[] = [];
    if (folderPlan.errorCount > 0) {
      const problems: ProblemsNode = { kind: 'problems', id: `${folderUri}#problems`, parent, folderPlan, count: folderPlan.errorCount };
      nodes.push(problems);
    }
    const plan = folderPlan.plan;
    if (!plan) {
      return nodes;
    }
    const advice = this.advisor.adviceFor(folderPlan);
    if (advice.length > 0) {
      nodes.push(this.adviceNodeFor(folderPlan, plan, advice[0], advice.length, parent));
    }
    const current = currentStage(plan);
    const usedIds = new Set<string>();
    for (const stage of plan.stages) {
      // A duplicated stage id (reported as a problem) must not give two rows the same id.
      let id = `${folderUri}#stage:${stage.id}`;
      if (usedIds.has(id)) {
        id = `${id}#${stage.index}`;
      }
      usedIds.add(id);
      const node = this.stageNodeFor(folderPlan, stage, stage === current, id, parent);
      nodes.push(node);
      const key = targetKey(node.target);
      if (!this.stagesByTarget.has(key)) {
        this.stagesByTarget.set(key, node);
      }
    }
    return nodes;
  }

  private adviceNodeFor(folderPlan: FolderPlan, plan: Plan, advice: Advice, total: number, parent: FolderNode | undefined): AdviceNode {
    const folderUri = folderPlan.folder.uri.toString();
    return {
      kind: 'advice',
      // One id whatever the advice: the row stays in place as the advice changes.
      id: `${folderUri}#next-step`,
      parent,
      plan,
      advice,
      total,
      target: stageTargetIn(folderPlan, advice.action?.stageId ?? advice.stageId),
      adviceTarget: { folderUri, adviceKey: adviceKey(advice) },
    };
  }

  private stageNodeFor(folderPlan: FolderPlan, stage: PlanStage, isCurrent: boolean, id: string, parent: LifecycleNode | undefined): StageNode {
    const target = stageTargetIn(folderPlan, stage.id);
    const children: StageChildNode[] = [];
    const node: StageNode = { kind: 'stage', id, parent, target, stage, isCurrent, planUri: folderPlan.uri, children };
    if (stage.plan) {
      children.push({ kind: 'stagePlan', id: `${id}/plan`, parent: node, target, path: stage.plan });
    }
    stage.tasks.forEach((task, taskIndex) => {
      children.push({ kind: 'task', id: `${id}/task:${taskIndex}`, parent: node, target, task, taskIndex, planUri: folderPlan.uri });
    });
    const folderUri = folderPlan.folder.uri.toString();
    const items = evidenceItems(stage.evidence ?? [], (pattern) => this.evidence.exists(folderUri, pattern));
    items.forEach((item, index) => {
      children.push(this.evidenceNode(folderPlan, item, `${id}/evidence:${index}`, node));
    });
    return node;
  }

  private evidenceNode(folderPlan: FolderPlan, item: EvidenceNode['item'], id: string, parent: StageNode): EvidenceNode {
    const found = this.evidence.found(folderPlan.folder.uri.toString(), item.pattern);
    const uri = found === 'file' || found === 'folder' ? evidenceUri(folderPlan.folder, item.pattern) : undefined;
    return { kind: 'evidence', id, parent, target: parent.target, item, open: uri && { uri, isFolder: found === 'folder' } };
  }
}

/** What the tree needs of the advisor (the workspace's Advisor). */
export interface AdviceSource {
  adviceFor(folderPlan: FolderPlan): readonly Advice[];
  readonly onDidChange: vscode.Event<void>;
}

function targetKey(target: StageTarget): string {
  return `${target.folderUri}\n${target.stageId}`;
}
