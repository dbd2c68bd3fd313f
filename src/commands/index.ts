import * as vscode from 'vscode';
import { STAGE_ACTION_SPECS, type StageAction } from '../model/domain/statusActions';
import { isIsoDate, localToday } from '../model/domain/dates';
import { STATUS_LABELS, isStageStatus, type StageStatus } from '../model/domain/statuses';
import { advance, blockSteps, checkAction, noStageFor } from '../model/domain/transitions';
import type { PlanChange, PlanEditStep } from '../model/domain/types';
import { ACTION_COMMANDS, actionsOfCommand, COMMAND_IDS, type CommandId } from '../model/presentation/commandIds';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import { errorMessage, showError } from '../util/errors';
import { planUriFor } from '../workspace/config';
import type { FolderPlan } from '../workspace/planStore';
import { AdviceCommands } from './advice';
import { completeDespiteEvidence, statusReportOf } from './evidence';
import { folderForNewPlan, pickStagesToInclude, scaffoldFor } from './initPlan';
import { pickStatus, StageResolver, type Resolution, type ResolvedStage, type StageSelection } from './resolve';

export type { StageSelection } from './resolve';

const NO_SELECTION: StageSelection = { selectedTarget: () => undefined };

/** A command that takes one action on one stage; the status table decides which stages it applies to. */
interface ActionCommand {
  /** The action it is named after; the command's other actions (Start Stage resumes too) follow. */
  readonly actions: readonly [StageAction, ...StageAction[]];
  /** Read when asked: the text is translated at use time. */
  readonly placeHolder: () => string;
}

function actionCommand(action: StageAction, placeHolder: () => string): ActionCommand {
  const others = actionsOfCommand(ACTION_COMMANDS[action]).filter((other) => other !== action);
  return { actions: [action, ...others], placeHolder };
}

/** The commands that only set a status; Block Stage also asks for a reason. */
const STATUS_COMMANDS: readonly ActionCommand[] = [
  actionCommand('start', () => vscode.l10n.t('Start which stage?')),
  actionCommand('complete', () => vscode.l10n.t('Complete which stage?')),
  actionCommand('skip', () => vscode.l10n.t('Skip which stage?')),
  actionCommand('reset', () => vscode.l10n.t('Reset which stage to not started?')),
];

const BLOCK_COMMAND = actionCommand('block', () => vscode.l10n.t('Block which stage?'));

/**
 * Registers the stage commands (palette, tree menus, CodeLens). Every change goes through the
 * plan writer; commands resolve to `true` when they wrote something. Success is silent,
 * failures say what went wrong and what to do.
 */
export class CommandsFeature extends Disposable {
  private readonly resolver: StageResolver;
  /** What Should I Do Next?, Dismiss Advice, Restore Dismissed Advice. */
  readonly advice: AdviceCommands;

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
      this.command(ACTION_COMMANDS[spec.actions[0]], (arg) => this.takeAction(spec, arg, (resolved, action) => this.writeStatus(resolved, STAGE_ACTION_SPECS[action].to, action)));
    }
    this.command(COMMAND_IDS.blockStage, (arg, reason) => this.blockStage(arg, reason));
    this.command(COMMAND_IDS.advance, (arg) => this.advance(arg));
    this.command(COMMAND_IDS.addTask, (arg, title) => this.addTask(arg, title));
    this.command(COMMAND_IDS.refresh, () => this.refresh());
    this.command(COMMAND_IDS.openStagePlan, (arg) => this.openStagePlan(arg));
    this.advice = this.register(new AdviceCommands(services));
    this.command(COMMAND_IDS.copyStatusReport, (arg, date) => this.copyStatusReport(arg, date));
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
      return this.fail(vscode.l10n.t('Could not create the lifecycle plan: {0}', outcome.reason));
    }
    await this.show(uri);
    return true;
  }

  async openPlan(arg?: unknown): Promise<boolean> {
    const folderPlan = await this.resolver.folderPlan(arg, vscode.l10n.t('Open the plan of which folder?'));
    if (folderPlan.kind !== 'found') {
      return this.unresolved(folderPlan);
    }
    return this.show(folderPlan.value.uri);
  }

  /** `setStageStatus(target?, status?)`: with a valid status it applies it without asking. */
  async setStageStatus(arg?: unknown, statusArg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, { placeHolder: vscode.l10n.t('Set the status of which stage?') });
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
  blockStage(arg?: unknown, reason?: unknown): Promise<boolean> {
    return this.takeAction(BLOCK_COMMAND, arg, (resolved) => this.block(resolved, typeof reason === 'string' ? reason : undefined));
  }

  /** Completes the stage in progress and starts the next one that is not done or skipped. */
  async advance(arg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.folderPlan(arg, vscode.l10n.t('Advance the plan of which folder?'));
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const folderPlan = resolved.value;
    if (!folderPlan.plan) {
      return this.unreadable(folderPlan);
    }
    const outcome = advance(folderPlan.plan);
    if (outcome.kind === 'nothing') {
      void vscode.window.showInformationMessage(outcome.reason);
      return false;
    }
    if (outcome.kind === 'complete' && !(await completeDespiteEvidence(this.services.evidence, folderPlan.folder, outcome.completed))) {
      return false;
    }
    const what =
      outcome.kind === 'complete'
        ? vscode.l10n.t({ message: 'advance from {0}', args: [outcome.completed.title], comment: ['Completes: "Could not {0}: {1}"; {0} is a stage title'] })
        : vscode.l10n.t({ message: 'set {0} to in progress', args: [outcome.started.title], comment: ['Completes: "Could not {0}: {1}"; {0} is a stage title'] });
    return this.writeSteps(folderPlan, outcome.steps, what);
  }

  /** `addTask(target?, title?)`: asks for the title unless given. */
  async addTask(arg?: unknown, titleArg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, { placeHolder: vscode.l10n.t('Add a task to which stage?') });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const { stage } = resolved.value;
    const title =
      typeof titleArg === 'string'
        ? titleArg
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Add Task to {0}', stage.title),
            prompt: vscode.l10n.t('The task is added to the stage in the plan, not done yet.'),
            placeHolder: vscode.l10n.t('e.g. Measure a baseline with few-shot prompts'),
            validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('A task needs a title.') : undefined),
          });
    if (title === undefined || title.trim() === '') {
      return false;
    }
    return this.write(resolved.value, { kind: 'add-task', title: title.trim() }, vscode.l10n.t({ message: 'add the task to {0}', args: [stage.title], comment: ['Completes: "Could not {0}: {1}"; {0} is a stage title'] }));
  }

  async refresh(): Promise<boolean> {
    await this.services.store.reloadAll();
    return true;
  }

  /** Opens a stage's `plan:` markdown file. */
  async openStagePlan(arg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, {
      placeHolder: vscode.l10n.t('Open the plan of which stage?'),
      applies: (s) => s.plan !== undefined,
      noneMessage: vscode.l10n.t('No stage has a `plan:` file. Add `plan: docs/<stage>.md` to a stage in the lifecycle plan.'),
    });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const { stage, folderPlan } = resolved.value;
    if (!stage.plan) {
      return this.fail(vscode.l10n.t('{0} has no plan file. Add `plan: docs/<stage>.md` to it in {1}.', stage.title, vscode.workspace.asRelativePath(folderPlan.uri, true)));
    }
    // One joined path, not one argument per segment: a hostile `plan:` could have more segments than a call takes.
    const uri = vscode.Uri.joinPath(folderPlan.folder.uri, stage.plan.split(/[\\/]/).filter((segment) => segment !== '').join('/'));
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return this.fail(vscode.l10n.t('The plan of {0}, {1}, does not exist. Create it, or fix the `plan:` path of the stage.', stage.title, stage.plan));
    }
    return this.show(uri);
  }

  /**
   * `copyStatusReport(folder?, date?)`: the plan's Markdown status report, opened in an untitled
   * editor (the feedback: no notification) and copied to the clipboard. `date` (YYYY-MM-DD) is
   * the day the report and its advice are for; today when not given.
   */
  async copyStatusReport(arg?: unknown, dateArg?: unknown): Promise<boolean> {
    const resolved = await this.resolver.folderPlan(arg, vscode.l10n.t('Report on the plan of which folder?'));
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const { folder, plan } = resolved.value;
    if (!plan) {
      return this.unreadable(resolved.value);
    }
    const date = typeof dateArg === 'string' && isIsoDate(dateArg) ? dateArg : localToday();
    try {
      const report = await statusReportOf(this.services.evidence, folder, plan, date);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.env.clipboard.writeText(report);
      return true;
    } catch (error) {
      return this.fail(vscode.l10n.t('Could not copy the status report: {0}', errorMessage(error)));
    }
  }

  private async block(resolved: ResolvedStage, reasonArg: string | undefined): Promise<boolean> {
    const { stage } = resolved;
    const reason =
      reasonArg ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Block {0}', stage.title),
        prompt: vscode.l10n.t('What is it waiting for? The reason is saved as the stage note (leave empty to keep the note).'),
        placeHolder: vscode.l10n.t('e.g. Waiting for the labelled test set'),
        value: stage.note ?? '',
      }));
    if (reason === undefined) {
      return false;
    }
    return this.writeSteps(resolved.folderPlan, blockSteps(stage, reason), vscode.l10n.t({ message: 'block {0}', args: [stage.title], comment: ['Completes: "Could not {0}: {1}"; {0} is a stage title'] }));
  }

  /** Resolves the stage (the picker offers those whose status allows the action), refuses one that does not, then runs. */
  private async takeAction(spec: ActionCommand, arg: unknown, run: (resolved: ResolvedStage, action: StageAction) => Promise<boolean>): Promise<boolean> {
    const resolved = await this.resolver.stage(arg, {
      placeHolder: spec.placeHolder(),
      applies: (stage) => checkAction(stage, spec.actions).ok,
      noneMessage: noStageFor(spec.actions),
    });
    if (resolved.kind !== 'found') {
      return this.unresolved(resolved);
    }
    const check = checkAction(resolved.value.stage, spec.actions);
    return check.ok ? run(resolved.value, check.action) : this.fail(check.reason);
  }

  /** Marking a stage done asks first when some of its evidence is missing. */
  private async writeStatus(resolved: ResolvedStage, status: StageStatus, action?: StageAction): Promise<boolean> {
    if (status === 'done' && !(await completeDespiteEvidence(this.services.evidence, resolved.folderPlan.folder, resolved.stage))) {
      return false;
    }
    const what = action
      ? vscode.l10n.t({ message: '{0} {1}', args: [STAGE_ACTION_SPECS[action].label.toLowerCase(), resolved.stage.title], comment: ['Completes: "Could not {0}: {1}"; {0} is an action word such as "start", {1} a stage title'] })
      : vscode.l10n.t({ message: 'set {0} to {1}', args: [resolved.stage.title, STATUS_LABELS[status].toLowerCase()], comment: ['Completes: "Could not {0}: {1}"; {0} is a stage title, {1} a status such as "done"'] });
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
        return this.fail(vscode.l10n.t({ message: 'Could not {0}: {1}', args: [what, outcome.reason], comment: ['{0} is what failed, such as "block Fine-tuning"; {1} is why'] }));
      }
      return outcome.changed;
    } catch (error) {
      return this.fail(vscode.l10n.t({ message: 'Could not {0}: {1}', args: [what, errorMessage(error)], comment: ['{0} is what failed, such as "block Fine-tuning"; {1} is why'] }));
    }
  }

  private async show(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.window.showTextDocument(uri, { preview: false });
      return true;
    } catch (error) {
      return this.fail(vscode.l10n.t('Could not open {0}: {1}', vscode.workspace.asRelativePath(uri, true), errorMessage(error)));
    }
  }

  private unreadable(folderPlan: FolderPlan): false {
    return this.fail(vscode.l10n.t('{0} cannot be read. Fix the problems it has, then try again.', vscode.workspace.asRelativePath(folderPlan.uri, true)));
  }

  private unresolved(resolution: Resolution<unknown>): boolean {
    if (resolution.kind === 'failed') {
      this.fail(resolution.message);
    }
    return false;
  }

  private fail(message: string): false {
    return showError(this.services.log, message);
  }

  private command(id: CommandId, handler: (first?: unknown, second?: unknown) => Promise<boolean>): void {
    this.register(vscode.commands.registerCommand(id, handler));
  }
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}
