import * as vscode from 'vscode';
import { adviceKey, type Advice } from '../model/domain/advice';
import { currentStage } from '../model/domain/progress';
import type { StageTarget } from '../model/domain/stageTarget';
import type { Plan, PlanStage } from '../model/domain/types';
import { evidenceItems } from '../model/presentation/evidenceText';
import { listPage, requestedToShow } from '../model/presentation/paging';
import { Disposable } from '../util/disposable';
import { evidenceUri, type EvidenceLookup } from '../workspace/evidenceChecker';
import { stageTargetIn, type FolderPlan, type PlanStore } from '../workspace/planStore';
import type { AdviceNode, EvidenceNode, FolderNode, LifecycleNode, MoreNode, ProblemsNode, StageChildNode, StageNode } from './nodes';
import { toTreeItem } from './treeItems';

/** One folder's plan as the tree shows it: built on every change, its rows built when asked for. */
interface FolderRows {
  readonly folderPlan: FolderPlan;
  readonly folderUri: string;
  /** The folder's node (multi-root only). */
  readonly parent: FolderNode | undefined;
  readonly problems: ProblemsNode | undefined;
  /** "Next step": the advisor's first advice on the plan, when there is any. */
  readonly advice: AdviceNode | undefined;
  readonly stages: readonly PlanStage[];
  readonly current: PlanStage | undefined;
  /** Stage nodes built so far, by position: the same objects every time VS Code asks. */
  readonly stageNodes: Map<number, StageNode>;
  /** Position of the first stage with each id (built on first need). */
  firstIndexById: Map<string, number> | undefined;
}

/**
 * The Stages tree. It only listens to the plan store: on every change it takes the new plans
 * and tells VS Code to ask again. It never reads files. Long lists (stages, tasks of a stage)
 * show a page at a time with a "Show more" row, and rows are built only when shown, so a plan
 * with thousands of stages or tasks does not hold the extension host.
 */
export class StagesTreeProvider extends Disposable implements vscode.TreeDataProvider<LifecycleNode> {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<LifecycleNode | undefined>());
  private folders: readonly FolderRows[] = [];
  private readonly stageChildren = new Map<StageNode, readonly StageChildNode[]>();
  /** How far each list was opened ("Show more"); kept across changes of the plan. */
  private readonly requested = new Map<string, number>();
  /** The "Show more" row of each list as last given to VS Code. */
  private readonly moreNodes = new Map<string, MoreNode>();

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
    if (!node) {
      if (this.folders.length === 1 && !this.folders[0].parent) {
        return this.folderContents(this.folders[0]);
      }
      return this.folders.map((rows) => rows.parent).filter((parent): parent is FolderNode => parent !== undefined);
    }
    if (node.kind === 'folder') {
      const rows = this.folders.find((candidate) => candidate.parent === node);
      return rows ? this.folderContents(rows) : [];
    }
    return node.kind === 'stage' ? this.stageContents(node) : [];
  }

  getParent(node: LifecycleNode): LifecycleNode | undefined {
    return node.parent;
  }

  /** The plans the tree shows, in workspace-folder order. */
  get folderPlans(): readonly FolderPlan[] {
    return this.store.existing();
  }

  /** The node of a stage, as built for VS Code (the same object every time until the plan changes). */
  stageNode(target: StageTarget): StageNode | undefined {
    const rows = this.folders.find((candidate) => candidate.folderUri === target.folderUri);
    const index = rows ? this.firstIndexById(rows).get(target.stageId) : undefined;
    return rows && index !== undefined ? this.stageNodeAt(rows, index) : undefined;
  }

  /** The current stage's node in a folder's plan. */
  currentStageNode(folderUri: string): StageNode | undefined {
    const plan = this.store.get(folderUri)?.plan;
    const stage = plan ? currentStage(plan) : undefined;
    return stage ? this.stageNode({ folderUri, stageId: stage.id }) : undefined;
  }

  /** Opens the stage's list far enough to show it (before revealing a stage beyond the first page). */
  showStage(node: StageNode): void {
    const rows = this.folders.find((candidate) => candidate.folderUri === node.target.folderUri);
    const index = rows ? rows.stages.indexOf(node.stage) : -1;
    if (!rows || index < 0) {
      return;
    }
    const key = stagesListKey(rows.folderUri);
    const requested = this.requested.get(key);
    if (index >= listPage(rows.stages.length, requested).shown) {
      this.requested.set(key, requestedToShow(index, requested));
      this.changeEmitter.fire(rows.parent);
    }
  }

  /** The "Show more" row's command: the list shows its next page. */
  showMore(listKey: unknown): boolean {
    if (typeof listKey !== 'string') {
      return false;
    }
    const more = this.moreNodes.get(listKey);
    if (!more) {
      return false;
    }
    this.requested.set(listKey, more.row.nextRequested);
    this.changeEmitter.fire(more.parent);
    return true;
  }

  private rebuild(): void {
    this.stageChildren.clear();
    this.moreNodes.clear();
    const plans = this.store.existing();
    this.folders = plans.map((folderPlan) => {
      const folderUri = folderPlan.folder.uri.toString();
      const parent: FolderNode | undefined = plans.length === 1 ? undefined : { kind: 'folder', id: `folder:${folderUri}`, parent: undefined, folderPlan };
      const problems: ProblemsNode | undefined =
        folderPlan.errorCount > 0 ? { kind: 'problems', id: `${folderUri}#problems`, parent, folderPlan, count: folderPlan.errorCount } : undefined;
      const plan = folderPlan.plan;
      const stages = plan?.stages ?? [];
      const current = plan ? currentStage(plan) : undefined;
      const advice = plan ? this.advisor.adviceFor(folderPlan) : [];
      const adviceNode = plan && advice.length > 0 ? adviceNodeFor(folderPlan, plan, advice[0], advice.length, parent) : undefined;
      return { folderPlan, folderUri, parent, problems, advice: adviceNode, stages, current, stageNodes: new Map(), firstIndexById: undefined };
    });
  }

  /** The problems item (when the latest text has errors), the Next step item (when there is advice), then a page of the plan's stages. */
  private folderContents(rows: FolderRows): LifecycleNode[] {
    const nodes: LifecycleNode[] = [...(rows.problems ? [rows.problems] : []), ...(rows.advice ? [rows.advice] : [])];
    const key = stagesListKey(rows.folderUri);
    const page = listPage(rows.stages.length, this.requested.get(key));
    for (let index = 0; index < page.shown; index++) {
      nodes.push(this.stageNodeAt(rows, index));
    }
    if (page.more) {
      nodes.push(this.moreNode(key, rows.parent, page.more));
    }
    return nodes;
  }

  /** A page of a stage's rows: its plan file, then its tasks, then its evidence. */
  private stageContents(node: StageNode): LifecycleNode[] {
    let all = this.stageChildren.get(node);
    if (!all) {
      const { stage, target, id, planUri } = node;
      const built: StageChildNode[] = [];
      if (stage.plan) {
        built.push({ kind: 'stagePlan', id: `${id}/plan`, parent: node, target, path: stage.plan });
      }
      stage.tasks.forEach((task, taskIndex) => {
        built.push({ kind: 'task', id: `${id}/task:${taskIndex}`, parent: node, target, task, taskIndex, planUri });
      });
      const folderUri = target.folderUri;
      const items = evidenceItems(stage.evidence ?? [], (pattern) => this.evidence.exists(folderUri, pattern));
      items.forEach((item, index) => {
        built.push(this.evidenceNode(item, `${id}/evidence:${index}`, node));
      });
      all = built;
      this.stageChildren.set(node, all);
    }
    const key = `${node.id}#tasks`;
    const page = listPage(all.length, this.requested.get(key));
    const nodes: LifecycleNode[] = all.slice(0, page.shown);
    if (page.more) {
      nodes.push(this.moreNode(key, node, page.more));
    }
    return nodes;
  }

  private moreNode(listKey: string, parent: LifecycleNode | undefined, row: MoreNode['row']): MoreNode {
    const known = this.moreNodes.get(listKey);
    if (known && known.row.nextRequested === row.nextRequested && known.row.description === row.description) {
      return known;
    }
    const node: MoreNode = { kind: 'more', id: `${listKey}#more`, parent, listKey, row };
    this.moreNodes.set(listKey, node);
    return node;
  }

  private stageNodeAt(rows: FolderRows, index: number): StageNode {
    const known = rows.stageNodes.get(index);
    if (known) {
      return known;
    }
    const stage = rows.stages[index];
    // A duplicated stage id (reported as a problem) must not give two rows the same id.
    const base = `${rows.folderUri}#stage:${stage.id}`;
    const id = this.firstIndexById(rows).get(stage.id) === index ? base : `${base}#${stage.index}`;
    const node: StageNode = {
      kind: 'stage',
      id,
      parent: rows.parent,
      target: stageTargetIn(rows.folderPlan, stage.id),
      stage,
      isCurrent: stage === rows.current,
      planUri: rows.folderPlan.uri,
      childCount: (stage.plan ? 1 : 0) + stage.tasks.length + (stage.evidence?.length ?? 0),
    };
    rows.stageNodes.set(index, node);
    return node;
  }

  private evidenceNode(item: EvidenceNode['item'], id: string, parent: StageNode): EvidenceNode {
    const folder = this.store.get(parent.target.folderUri)?.folder;
    const found = this.evidence.found(parent.target.folderUri, item.pattern);
    const uri = folder && (found === 'file' || found === 'folder') ? evidenceUri(folder, item.pattern) : undefined;
    return { kind: 'evidence', id, parent, target: parent.target, item, open: uri && { uri, isFolder: found === 'folder' } };
  }

  private firstIndexById(rows: FolderRows): Map<string, number> {
    if (!rows.firstIndexById) {
      const map = new Map<string, number>();
      rows.stages.forEach((stage, index) => {
        if (!map.has(stage.id)) {
          map.set(stage.id, index);
        }
      });
      rows.firstIndexById = map;
    }
    return rows.firstIndexById;
  }
}

function stagesListKey(folderUri: string): string {
  return `${folderUri}#stages`;
}

function adviceNodeFor(folderPlan: FolderPlan, plan: Plan, advice: Advice, total: number, parent: FolderNode | undefined): AdviceNode {
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

/** What the tree needs of the advisor (the workspace's Advisor). */
export interface AdviceSource {
  adviceFor(folderPlan: FolderPlan): readonly Advice[];
  readonly onDidChange: vscode.Event<void>;
}
