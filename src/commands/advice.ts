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
import { noPlanMessage, stageTargetIn, type FolderPlan } from '../workspace/planStore';
import { pickOne } from './resolve';

interface AdviceItem extends vscode.QuickPickItem {
  readonly folderPlan: FolderPlan;
  readonly advice: Advice;
}

/** Made when used, so its tooltip is in the display language. */
function dismissButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('close'), tooltip: vscode.l10n.t('Dismiss this advice') };
}

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
      return showError(this.services.log, noPlanMessage());
    }
    const multiRoot = this.services.store.existing().length > 1;
    const dismiss = dismissButton();
    const itemsNow = (): AdviceItem[] =>
      plans.flatMap((folderPlan) => {
        const plan = folderPlan.plan;
        return plan
          ? this.services.advisor.adviceFor(folderPlan).map((advice) => ({
              ...adviceQuickPickParts(plan, advice, multiRoot ? folderPlan.folder.name : undefined),
              buttons: [dismiss],
              folderPlan,
              advice,
            }))
          : [];
      });
    const items = itemsNow();
    const summary = plans.length === 1 && plans[0].plan ? planEffortSummary(plans[0].plan) : undefined;
    if (items.length === 0) {
      // Asked for, so an answer is due; still no modal.
      void vscode.window.showInformationMessage(
        summary
          ? vscode.l10n.t('No advice right now ({0}). Dismissed advice comes back with "Restore Dismissed Advice".', summary)
          : vscode.l10n.t('No advice right now. Dismissed advice comes back with "Restore Dismissed Advice".'),
      );
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
    const message =
      restored === 0
        ? vscode.l10n.t('GenAI Lifecycle: no dismissed advice')
        : restored === 1
          ? vscode.l10n.t('GenAI Lifecycle: 1 dismissed piece of advice restored')
          : vscode.l10n.t('GenAI Lifecycle: {0} dismissed pieces of advice restored', restored);
    void vscode.window.setStatusBarMessage(message, 4000);
    return restored > 0;
  }

  private plansNamed(folderArg: unknown): FolderPlan[] {
    const existing = this.services.store.existing();
    const named = typeof folderArg === 'string' ? folderArg : folderArg instanceof vscode.Uri ? folderArg.toString() : undefined;
    return named === undefined ? [...existing] : existing.filter((folderPlan) => folderPlan.folder.uri.toString() === named);
  }

  /** The quick pick; its × button dismisses an item (the list then shows what is left). */
  private pick(items: readonly AdviceItem[], itemsNow: () => AdviceItem[], summary: string | undefined): Promise<AdviceItem | undefined> {
    return pickOne(items, summary ? vscode.l10n.t('Effort ahead: {0}', summary) : vscode.l10n.t('Choose a step to take it'), undefined, (quickPick, finish) => {
      quickPick.title = vscode.l10n.t('What Should I Do Next?');
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

