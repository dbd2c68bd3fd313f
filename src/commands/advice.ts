// The advisor's commands: What Should I Do Next? (every current piece of advice in a quick
// pick; choosing one runs its action through the ordinary stage command, so the status table
// and the writer decide as they do everywhere), Dismiss Advice, Restore Dismissed Advice.

import * as vscode from 'vscode';
import { adviceKey, type Advice } from '../model/domain/advice';
import { adviceTargetOf } from '../model/domain/stageTarget';
import { adviceQuickPickParts, planEffortSummary } from '../model/presentation/advice';
import { adviceCommand, COMMAND_IDS } from '../model/presentation/commandIds';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import { showError } from '../util/errors';
import { NO_PLAN_MESSAGE, stageTargetIn, type FolderPlan } from '../workspace/planStore';
import { pickOne } from './resolve';

interface AdviceItem extends vscode.QuickPickItem {
  readonly folderPlan: FolderPlan;
  readonly advice: Advice;
}

const DISMISS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Dismiss this advice' };

export class AdviceCommands extends Disposable {
  constructor(private readonly services: LifecycleServices) {
    super();
    this.register(vscode.commands.registerCommand(COMMAND_IDS.whatNext, (folder?: unknown) => this.whatNext(folder)));
    this.register(vscode.commands.registerCommand(COMMAND_IDS.dismissAdvice, (arg?: unknown) => this.dismiss(arg)));
    this.register(vscode.commands.registerCommand(COMMAND_IDS.restoreDismissedAdvice, (folder?: unknown) => this.restore(folder)));
  }

  /**
   * `whatNext(folderUri?)`: the advice on that folder's plan, else on every plan. Choosing an
   * item runs its action (or shows its stage); resolves to what that command resolved to.
   */
  async whatNext(folderArg?: unknown): Promise<boolean> {
    const plans = this.plansNamed(folderArg);
    if (plans.length === 0) {
      return showError(this.services.log, NO_PLAN_MESSAGE);
    }
    const multiRoot = this.services.store.existing().length > 1;
    const itemsNow = (): AdviceItem[] =>
      plans.flatMap((folderPlan) => {
        const plan = folderPlan.plan;
        return plan
          ? this.services.advisor.adviceFor(folderPlan).map((advice) => ({
              ...adviceQuickPickParts(plan, advice, multiRoot ? folderPlan.folder.name : undefined),
              buttons: [DISMISS_BUTTON],
              folderPlan,
              advice,
            }))
          : [];
      });
    const items = itemsNow();
    const summary = plans.length === 1 && plans[0].plan ? planEffortSummary(plans[0].plan) : undefined;
    if (items.length === 0) {
      // Asked for, so an answer is due; still no modal.
      void vscode.window.showInformationMessage(`No advice right now${summary ? ` (${summary})` : ''}. Dismissed advice comes back with "Restore Dismissed Advice".`);
      return false;
    }
    const chosen = await this.pick(items, itemsNow, summary);
    return chosen ? this.take(chosen.folderPlan, chosen.advice) : false;
  }

  /** `dismissAdvice(target)`: the Next step item (or an AdviceTarget); the advice stays dismissed in this plan. */
  async dismiss(arg?: unknown): Promise<boolean> {
    const target = adviceTargetOf(arg);
    const folderPlan = target ? this.services.store.get(target.folderUri) : undefined;
    if (!target || !folderPlan?.exists) {
      return false;
    }
    await this.services.advisor.dismiss(folderPlan, target.adviceKey);
    return true;
  }

  /** `restoreDismissedAdvice(folderUri?)`: every plan's dismissed advice (or that folder's) shows again. */
  async restore(folderArg?: unknown): Promise<boolean> {
    const restored = await this.services.advisor.restore(this.plansNamed(folderArg));
    void vscode.window.setStatusBarMessage(restored > 0 ? `GenAI Lifecycle: ${restored} dismissed ${restored === 1 ? 'piece' : 'pieces'} of advice restored` : 'GenAI Lifecycle: no dismissed advice', 4000);
    return restored > 0;
  }

  private plansNamed(folderArg: unknown): FolderPlan[] {
    const existing = this.services.store.existing();
    const named = typeof folderArg === 'string' ? folderArg : folderArg instanceof vscode.Uri ? folderArg.toString() : undefined;
    return named === undefined ? [...existing] : existing.filter((folderPlan) => folderPlan.folder.uri.toString() === named);
  }

  /** The quick pick; its × button dismisses an item (the list then shows what is left). */
  private pick(items: readonly AdviceItem[], itemsNow: () => AdviceItem[], summary: string | undefined): Promise<AdviceItem | undefined> {
    return pickOne(items, summary ? `Effort ahead: ${summary}` : 'Choose a step to take it', undefined, (quickPick, finish) => {
      quickPick.title = 'What Should I Do Next?';
      quickPick.matchOnDescription = true;
      quickPick.onDidTriggerItemButton(async ({ item }) => {
        await this.services.advisor.dismiss(item.folderPlan, adviceKey(item.advice));
        const left = itemsNow();
        if (left.length === 0) {
          finish(undefined);
        } else {
          quickPick.items = left;
        }
      });
    });
  }

  /** Runs the advice's action on its stage through the stage command; advice without one shows its stage. */
  private async take(folderPlan: FolderPlan, advice: Advice): Promise<boolean> {
    const { command, stageId } = adviceCommand(advice);
    return (await vscode.commands.executeCommand<boolean>(command, stageTargetIn(folderPlan, stageId))) === true;
  }
}

