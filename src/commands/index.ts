import * as vscode from 'vscode';
import { currentStage, nextStageAfter } from '../model/domain/progress';
import { STATUS_LABELS, isStageStatus, type StageStatus } from '../model/domain/statuses';
import type { PlanChange } from '../model/domain/types';
import { COMMAND_IDS, type CommandId } from '../model/presentation/commandIds';
import type { PlanEditStep } from '../model/planFile/editSequence';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import { planUriFor } from '../workspace/config';
import type { FolderPlan } from '../workspace/planStore';
import { errorMessage } from '../workspace/planWriter';
import { folderForNewPlan, pickStagesToInclude, scaffoldFor } from './initPlan';
import { pickStatus, StageResolver, type Resolution, type ResolvedStage, type StageQuestion, type StageSelection } from './resolve';

export type { StageSelection } from './resolve';

const NO_SELECTION: StageSelection = { selectedTarget: () => undefined };

/** How each one-status command asks for its stage, and what it writes. */
interface StatusCommand {
  readonly id: CommandId;
  readonly status: StageStatus;
  /** The verb in messages: "Could not start Fine-tuning: ...". */
  readonly verb: string;
  readonly question: StageQuestion;
}

const STATUS_COMMANDS: readonly StatusCommand[] = [
  {
    id: COMMAND_IDS.startStage,
    status: 'in-progress',
    verb: 'start',
    question: { placeHolder: 'Start which stage?', applies: (s) => s.status !== 'in-progress', noneMessage: 'Every stage is already in progress.' },
  },
  {
    id: COMMAND_IDS.completeStage,
    status: 'done',
    verb: 'complete',
    question: { placeHolder: 'Complete which stage?', applies: (s) => s.status !== 'done', noneMessage: 'Every stage is already done.' },
  },
  {
    id: COMMAND_IDS.skipStage,
    status: 'skipped',
    verb: 'skip',
    question: { placeHolder: 'Skip which stage?', applies: (s) => s.status !== 'skipped', noneMessage: 'Every stage is already skipped.' },
  },
  {
    id: COMMAND_IDS.resetStage,
    status: 'not-started',
    verb: 'reset',
    question: { placeHolder: 'Reset which stage to not started?', applies: (s) => s.status !== 'not-started', noneMessage: 'No stage has been started yet.' },
  },
];

/**
 * Registers the stage commands (palette, tree menus, CodeLens). Every change goes through the
 * plan writer; commands resolve to `true` when they wrote something. Success is silent,
 * failures say what went wrong and what to do.
 */
export class CommandsFeature extends Disposable {
  private readonly resolver: StageResolver;

  constructor(
    readonly services: LifecycleServices,
    selection: StageSelection = NO_SELECTION,
  ) {
    super();
    this.resolver = new StageResolver(services.store, selection);
    this.command(COMMAND_IDS.initPlan, (folder, stageIds) => this.initPlan(folder, stageIds));
    this.command(COMMAND_IDS.openPlan, (arg) => this.openPlan(arg));
    this.command(COMMAND_IDS.setStageStatus, (arg, status) => this.setStageStatus(arg, status));
    for (const spec of STATUS_COMMANDS) {
      this.command(spec.id, (arg) => this.setStatusCommand(spec, arg));
    }
    this.command(COMMAND_IDS.blockStage, (arg, reason) => this.blockStage(arg, reason));
    this.command(COMMAND_IDS.advance, (arg) => this.advance(arg));
    this.command(COMMAND_IDS.addTask, (arg, title) => this.addTask(arg, title));
    this.command(COMMAND_IDS.refresh, () => this.refresh());
    this.command(COMMAND_IDS.openStagePlan, (arg) => this.openStagePlan(arg));
  }

  /** `initPlan(folder?: Uri | string, stageIds?: string[])`: without arguments it asks. */
  async initPlan(folderArg?: unknown, stageIdsArg?: unknown): Promise<boolean> {
    const folder = await folderForNewPlan(this.services.store, folderArg);
    if (folder.kind !== 'found') {
      return this.unresolved(folder);
    }
    const stageIds = isStringArray(stageIdsArg) ? stageIdsArg : await pickStagesToInclude();
    if (!stageIds) {
      return false;
    }
    const uri = planUriFor(folder.value);
    const outcome = await this.services.writer.create(folder.value, uri, scaffoldFor(folder.value, stageIds));
    if (!outcome.ok) {
      return this.fail(`Could not create the lifecycle plan: ${outcome.reason}`);
    }
    await this.show(uri);
    return true;
  }

  async openPlan(arg?: unknown): Promise<boolean> {
    const folderPlan = await this.resolver.folderPlan(arg, 'Open the plan of which folder?');
    if (folderPlan.kind !== 'found') {
      return this.unresolved(folderPlan);
    }
    return this.show(folderPlan.value.uri);
  }

  /** `setStageStatus(target?, status?)`: with a valid status it applies it without asking. */
  async setStageStatus(arg?: unknown, statusArg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, { placeHolder: 'Set the status of which stage?' });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    if (isStageStatus(statusArg)) {
      return this.writeStatus(resolved.value, statusArg);
    }
    const status = await pickStatus(resolved.value.stage);
    if (!status) {
      return false;
    }
    // Blocking from the picker asks for the reason, like Block Stage.
    return status === 'blocked' ? this.block(resolved.value, undefined) : this.writeStatus(resolved.value, status);
  }

  /** `blockStage(target?, reason?)`: asks for the reason (saved as the note) unless given. */
  async blockStage(arg?: unknown, reason?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, {
      placeHolder: 'Block which stage?',
      applies: (s) => s.status !== 'blocked',
      noneMessage: 'Every stage is already blocked.',
    });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    return this.block(resolved.value, typeof reason === 'string' ? reason : undefined);
  }

  /** Completes the stage in progress and starts the next one that is not done or skipped. */
  async advance(arg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.folderPlan(arg, 'Advance the plan of which folder?');
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const folderPlan = resolved.value;
    const plan = folderPlan.plan;
    if (!plan) {
      return this.fail(`${vscode.workspace.asRelativePath(folderPlan.uri, true)} cannot be read. Fix the problems it has, then try again.`);
    }
    const inProgress = plan.stages.find((stage) => stage.status === 'in-progress');
    if (!inProgress) {
      // Nothing under way: advancing means starting the stage that is up next.
      const next = currentStage(plan);
      if (!next) {
        void vscode.window.showInformationMessage('Nothing to advance to: every stage is done, skipped or blocked.');
        return false;
      }
      return this.writeStatus({ folderPlan, stage: next, target: { folderUri: folderPlan.folder.uri.toString(), stageId: next.id } }, 'in-progress');
    }
    // One edit for both stages, so one undo step takes the whole advance back.
    const steps: PlanEditStep[] = [{ stageId: inProgress.id, change: { kind: 'status', status: 'done' } }];
    const next = nextStageAfter(plan, inProgress.id);
    if (next) {
      steps.push({ stageId: next.id, change: { kind: 'status', status: 'in-progress' } });
    }
    return this.writeSteps(folderPlan, steps, `advance from ${inProgress.title}`);
  }

  /** `addTask(target?, title?)`: asks for the title unless given. */
  async addTask(arg?: unknown, titleArg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, { placeHolder: 'Add a task to which stage?' });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const { stage } = resolved.value;
    const title =
      typeof titleArg === 'string'
        ? titleArg
        : await vscode.window.showInputBox({
            title: `Add Task to ${stage.title}`,
            prompt: 'The task is added to the stage in the plan, not done yet.',
            placeHolder: 'e.g. Measure a baseline with few-shot prompts',
            validateInput: (value) => (value.trim() === '' ? 'A task needs a title.' : undefined),
          });
    if (title === undefined || title.trim() === '') {
      return false;
    }
    return this.write(resolved.value, { kind: 'add-task', title: title.trim() }, `add the task to ${stage.title}`);
  }

  async refresh(): Promise<boolean> {
    await this.services.store.reloadAll();
    return true;
  }

  /** Opens a stage's `plan:` markdown file. */
  async openStagePlan(arg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, {
      placeHolder: 'Open the plan of which stage?',
      applies: (s) => s.plan !== undefined,
      noneMessage: 'No stage has a `plan:` file. Add `plan: docs/<stage>.md` to a stage in the lifecycle plan.',
    });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const { stage, folderPlan } = resolved.value;
    if (!stage.plan) {
      return this.fail(`${stage.title} has no plan file. Add \`plan: docs/<stage>.md\` to it in ${vscode.workspace.asRelativePath(folderPlan.uri, true)}.`);
    }
    const uri = vscode.Uri.joinPath(folderPlan.folder.uri, ...stage.plan.split(/[\\/]/).filter((segment) => segment !== ''));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return this.fail(`The plan of ${stage.title}, ${stage.plan}, does not exist. Create it, or fix the \`plan:\` path of the stage.`);
    }
    return this.show(uri);
  }

  private async block(resolved: ResolvedStage, reasonArg: string | undefined): Promise<boolean> {
    const { stage } = resolved;
    const reason =
      reasonArg ??
      (await vscode.window.showInputBox({
        title: `Block ${stage.title}`,
        prompt: 'What is it waiting for? The reason is saved as the stage note (leave empty to keep the note).',
        placeHolder: 'e.g. Waiting for the labelled test set',
        value: stage.note ?? '',
      }));
    if (reason === undefined) {
      return false;
    }
    const steps: PlanEditStep[] = [{ stageId: stage.id, change: { kind: 'status', status: 'blocked' } }];
    const note = reason.trim();
    if (note !== '' && note !== stage.note) {
      steps.push({ stageId: stage.id, change: { kind: 'note', note } });
    }
    return this.writeSteps(resolved.folderPlan, steps, `block ${stage.title}`);
  }

  private setStatusCommand(spec: StatusCommand, arg: unknown): Promise<boolean> {
    return this.resolver.stage(arg, spec.question).then((resolved) => (resolved.kind === 'found' ? this.writeStatus(resolved.value, spec.status, spec.verb) : this.unresolved(resolved)));
  }

  private writeStatus(resolved: ResolvedStage, status: StageStatus, verb?: string): Promise<boolean> {
    const what = verb ? `${verb} ${resolved.stage.title}` : `set ${resolved.stage.title} to ${STATUS_LABELS[status].toLowerCase()}`;
    return this.write(resolved, { kind: 'status', status }, what);
  }

  /** Applies one change through the writer; resolves to whether the file changed. */
  private write(resolved: ResolvedStage, change: PlanChange, what: string): Promise<boolean> {
    return this.writeSteps(resolved.folderPlan, [{ stageId: resolved.stage.id, change }], what);
  }

  /** Applies several changes as one edit (one undo step); resolves to whether the file changed. */
  private async writeSteps(folderPlan: FolderPlan, steps: readonly PlanEditStep[], what: string): Promise<boolean> {
    try {
      const outcome = await this.services.writer.applySteps(folderPlan, steps);
      if (!outcome.ok) {
        return this.fail(`Could not ${what}: ${outcome.reason}`);
      }
      return outcome.changed;
    } catch (error) {
      return this.fail(`Could not ${what}: ${errorMessage(error)}`);
    }
  }

  private async show(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.window.showTextDocument(uri, { preview: false });
      return true;
    } catch (error) {
      return this.fail(`Could not open ${vscode.workspace.asRelativePath(uri, true)}: ${errorMessage(error)}`);
    }
  }

  private unresolved(resolution: Resolution<unknown>): boolean {
    if (resolution.kind === 'failed') {
      this.fail(resolution.message);
    }
    return false;
  }

  private fail(message: string): false {
    this.services.log.warn(message);
    void vscode.window.showErrorMessage(message);
    return false;
  }

  private command(id: CommandId, handler: (first?: unknown, second?: unknown) => Promise<boolean>): void {
    this.register(vscode.commands.registerCommand(id, handler));
  }
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
