import * as vscode from 'vscode';
import { adviceKey, adviseOn, type Advice } from '../model/domain/advice';
import { localToday } from '../model/domain/dates';
import { Disposable } from '../util/disposable';
import { blockedTooLongDays, BLOCKED_TOO_LONG_SETTING, CONFIG_SECTION } from './config';
import type { FolderPlan } from './planStore';

/** Where dismissals live in `workspaceState`: plan file URI -> dismissed advice keys. */
const DISMISSED_STATE_KEY = 'genaiLifecycle.dismissedAdvice';
export const HAS_DISMISSED_CONTEXT_KEY = 'genaiLifecycle.hasDismissedAdvice';

type DismissedByPlan = Readonly<Record<string, readonly string[]>>;

/**
 * The lifecycle advisor for the views: the model's `adviseOn` with today's date, the
 * configured limit and the user's dismissals (per plan file, in workspace state). It only
 * reads: nothing reaches the plan without a user action, and it never notifies on its own.
 *
 * `onDidChange` fires when advice may read differently for a reason other than a plan change
 * (plan changes arrive through the store's own event): a dismissal or restore, the date
 * turning over (checked when the window gains focus), or the blocked-days setting.
 */
export class Advisor extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  private day = localToday();

  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly state: vscode.Memento) {
    super();
    this.register(
      vscode.window.onDidChangeWindowState((windowState) => {
        if (windowState.focused) {
          this.checkDate();
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.${BLOCKED_TOO_LONG_SETTING}`)) {
          this.changeEmitter.fire();
        }
      }),
    );
    this.updateContextKey();
  }

  /** The current advice on the plan the views show, most important first; none without a plan. */
  adviceFor(folderPlan: FolderPlan | undefined): Advice[] {
    const plan = folderPlan?.exists ? folderPlan.plan : undefined;
    if (!folderPlan || !plan) {
      return [];
    }
    return adviseOn(plan, { today: this.day, blockedTooLongDays: blockedTooLongDays(folderPlan.folder), dismissed: this.dismissedIn(folderPlan) });
  }

  /** The current advice with this key, when there still is one (views and the chart name advice by key). */
  find(folderPlan: FolderPlan | undefined, key: string): Advice | undefined {
    return this.adviceFor(folderPlan).find((advice) => adviceKey(advice) === key);
  }

  /** Keys of the advice dismissed in this plan. */
  dismissedIn(folderPlan: FolderPlan): ReadonlySet<string> {
    return new Set(this.stored()[folderPlan.uri.toString()] ?? []);
  }

  async dismiss(folderPlan: FolderPlan, key: string): Promise<void> {
    const planKey = folderPlan.uri.toString();
    const stored = this.stored();
    const keys = stored[planKey] ?? [];
    if (keys.includes(key)) {
      return;
    }
    await this.save({ ...stored, [planKey]: [...keys, key] });
  }

  /** Brings back the advice dismissed in these plans; resolves to how many pieces came back. */
  async restore(folderPlans: readonly FolderPlan[]): Promise<number> {
    const stored = { ...this.stored() };
    let restored = 0;
    for (const folderPlan of folderPlans) {
      const planKey = folderPlan.uri.toString();
      restored += stored[planKey]?.length ?? 0;
      delete stored[planKey];
    }
    if (restored > 0) {
      await this.save(stored);
    }
    return restored;
  }

  /** Re-reads the local date; fires when it changed since the advice was last worked out. */
  checkDate(): void {
    const today = localToday();
    if (today !== this.day) {
      this.day = today;
      this.changeEmitter.fire();
    }
  }

  private stored(): DismissedByPlan {
    const value = this.state.get<unknown>(DISMISSED_STATE_KEY);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return {};
    }
    // Only well-typed entries: the state outlives versions of the extension.
    const entries = Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].every((key) => typeof key === 'string'),
    );
    return Object.fromEntries(entries);
  }

  private async save(stored: DismissedByPlan): Promise<void> {
    await this.state.update(DISMISSED_STATE_KEY, stored);
    this.updateContextKey();
    this.changeEmitter.fire();
  }

  private updateContextKey(): void {
    const any = Object.values(this.stored()).some((keys) => keys.length > 0);
    void vscode.commands.executeCommand('setContext', HAS_DISMISSED_CONTEXT_KEY, any);
  }
}
