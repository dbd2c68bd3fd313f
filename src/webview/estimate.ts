import * as vscode from 'vscode';
import { KNOWN_GPUS } from '../model/domain/gpus';
import { formatCount, parseParameterCount } from '../model/domain/sizes';
import { PRECISIONS, TUNING_METHODS, type Plan, type Precision, type TuningMethod } from '../model/domain/types';
import { METHOD_DOCS, PRECISION_DOCS } from '../model/planFile/planLines';
import { COMMAND_IDS } from '../model/presentation/commandIds';
import { emptyEstimateText, estimatePanelData, parseEstimatePageMessage, type EstimatePageMessage, type EstimateRequest } from '../model/presentation/estimatePanel';
import { METHOD_LABELS } from '../model/presentation/estimateText';
import type { LocalizedEstimateMessage } from '../model/presentation/pageStrings';
import type { LifecycleServices } from '../services';
import { showError } from '../util/errors';
import type { FolderPlan } from '../workspace/planStore';
import { estimatePage } from './estimatePage';
import { EstimatePanel } from './estimatePanel';
import { estimateStrings } from './pageStrings';
import { SingletonPanel } from './panelBase';

/** What the command may be given instead of asking (integration tests, other commands). */
export interface EstimateArguments {
  readonly parameters?: string | number;
  readonly precision?: string;
  readonly method?: string;
  /** A GPU to check against when the plan names no hardware. */
  readonly gpu?: string;
}

/** The questions' title, translated when asked. */
function estimateTitle(): string {
  return vscode.l10n.t('Estimate GPU Memory');
}

/** The last GPU choice's value (its label is translated). */
const NO_GPU = '';

type Choice<T> = vscode.QuickPickItem & { readonly value: T };

/** Items with the plan's value first, marked; the rest in their usual order. */
function withPlanFirst<T>(items: readonly Choice<T>[], planValue: T | undefined): Choice<T>[] {
  const fromPlan = items.filter((item) => item.value === planValue).map((item) => ({ ...item, description: vscode.l10n.t('{0} (from the plan)', item.description ?? '').trim() }));
  return [...fromPlan, ...items.filter((item) => item.value !== planValue)];
}

/**
 * "Estimate GPU Memory...": asks for a model size, precision and method (prefilled from the
 * plan, works without one too), then shows every stage's estimate in its own panel, which
 * follows the plan's stages and hardware and the estimate settings as they change.
 */
export class EstimateFeature extends SingletonPanel<LocalizedEstimateMessage, EstimatePageMessage, EstimatePanel> {
  private request: EstimateRequest | undefined;
  /** The folder whose plan the estimate was asked in. */
  private folderKey: string | undefined;

  constructor(readonly services: LifecycleServices) {
    super(estimatePage({ title: vscode.l10n.t('GPU Memory Estimate'), loading: vscode.l10n.t('Loading the estimate…') }), services.context.extensionUri, services.log);
    this.register(vscode.commands.registerCommand(COMMAND_IDS.estimateMemory, (args?: unknown) => this.run(args)));
    this.register(services.store.onDidChange(() => this.refresh()));
    this.register(services.estimates.onDidChange(() => this.refresh()));
  }

  /** The command: true when the panel shows a new estimate. */
  async run(args: unknown): Promise<boolean> {
    // Right after activation the plan may not be read yet; its values prefill the questions.
    await this.services.store.ready;
    const folderPlan = this.folderPlan();
    const plan = folderPlan?.exists ? folderPlan.plan : undefined;
    const given: EstimateArguments = typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as EstimateArguments) : {};
    // Asking: three steps, and a fourth (a GPU to check against) when the plan names no hardware.
    const steps = plan?.hardware === undefined ? 4 : 3;
    const title = (step: number): string => vscode.l10n.t('{0} ({1}/{2})', estimateTitle(), step, steps);
    const parameters = given.parameters === undefined ? await this.askParameters(plan, title(1)) : this.checked(parseParameterCount(given.parameters));
    if (parameters === undefined) {
      return false;
    }
    const precision = given.precision === undefined ? await this.askPrecision(plan, title(2)) : this.oneOf(given.precision, PRECISIONS, vscode.l10n.t('"{0}" is not a precision; use one of {1}.', given.precision, PRECISIONS.join(', ')));
    if (precision === undefined) {
      return false;
    }
    const method = given.method === undefined ? await this.askMethod(plan, title(3)) : this.oneOf(given.method, TUNING_METHODS, vscode.l10n.t('"{0}" is not a method; use one of {1}.', given.method, TUNING_METHODS.join(', ')));
    if (method === undefined) {
      return false;
    }
    let gpu = given.gpu;
    if (gpu === undefined && given.parameters === undefined && plan?.hardware === undefined) {
      const picked = await this.askGpu(title(4));
      if (picked === undefined) {
        return false;
      }
      gpu = picked === NO_GPU ? undefined : picked;
    }
    this.request = { parameters, precision, method, ...(gpu === undefined ? {} : { gpu }) };
    this.folderKey = folderPlan?.folder.uri.toString();
    this.show();
    this.refresh();
    return true;
  }

  protected createPanel(webviewPanel: vscode.WebviewPanel, onMessage: (message: unknown) => void): EstimatePanel {
    return new EstimatePanel(webviewPanel, this.extensionUri, this.page, onMessage);
  }

  protected parseMessage(message: unknown): EstimatePageMessage | undefined {
    return parseEstimatePageMessage(message);
  }

  protected render(): LocalizedEstimateMessage {
    const strings = estimateStrings();
    if (this.request === undefined) {
      return { type: 'empty', text: emptyEstimateText(), strings };
    }
    const folderPlan = this.services.store.all().find((candidate) => candidate.folder.uri.toString() === this.folderKey);
    const plan = folderPlan?.exists ? folderPlan.plan : undefined;
    return { type: 'estimate', data: estimatePanelData(this.request, plan, this.services.estimates.settings, plan?.project ?? folderPlan?.folder.name), strings };
  }

  /** The page sends nothing but 'ready' (answered by the base). */
  protected async act(): Promise<void> {
    // Nothing to do.
  }

  /** The plan of the active editor's folder, else the first folder with a plan. */
  private folderPlan(): FolderPlan | undefined {
    const plans = this.services.store.all();
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active);
    const fromEditor = folder === undefined ? undefined : plans.find((candidate) => candidate.exists && candidate.plan && candidate.folder.uri.toString() === folder.uri.toString());
    return fromEditor ?? plans.find((candidate) => candidate.exists && candidate.plan !== undefined);
  }

  private checked(result: ReturnType<typeof parseParameterCount>): number | undefined {
    if (result.ok) {
      return result.value;
    }
    showError(this.services.log, vscode.l10n.t('{0}: {1}', estimateTitle(), result.message));
    return undefined;
  }

  /** `value` when it is one of `allowed`, else `refusal` is shown. */
  private oneOf<T extends string>(value: string, allowed: readonly T[], refusal: string): T | undefined {
    if ((allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    showError(this.services.log, vscode.l10n.t('{0}: {1}', estimateTitle(), refusal));
    return undefined;
  }

  private async askParameters(plan: Plan | undefined, title: string): Promise<number | undefined> {
    const known = plan?.model?.parameters;
    const input = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Model size in parameters: a whole number or a number with K, M, B or T'),
      placeHolder: vscode.l10n.t('e.g. 8B, 70B, 1.5T or 7e9'),
      value: known === undefined ? '' : formatCount(known),
      ignoreFocusOut: true,
      validateInput: (text) => {
        const parsed = parseParameterCount(text.trim());
        return parsed.ok ? undefined : parsed.message;
      },
    });
    if (input === undefined) {
      return undefined;
    }
    const parsed = parseParameterCount(input.trim());
    return parsed.ok ? parsed.value : undefined;
  }

  private async askPrecision(plan: Plan | undefined, title: string): Promise<Precision | undefined> {
    const items = PRECISIONS.map((precision): Choice<Precision> => ({ label: precision, description: PRECISION_DOCS[precision], value: precision }));
    const picked = await vscode.window.showQuickPick(withPlanFirst(items, plan?.model?.precision), { title, placeHolder: vscode.l10n.t('Precision of the weights'), ignoreFocusOut: true });
    return picked?.value;
  }

  private async askMethod(plan: Plan | undefined, title: string): Promise<TuningMethod | undefined> {
    const planMethod = plan?.stages.find((stage) => stage.id === 'fine-tuning')?.method ?? plan?.stages.find((stage) => stage.id === 'rlhf')?.method;
    const items = TUNING_METHODS.map((method): Choice<TuningMethod> => ({ label: METHOD_LABELS[method], description: METHOD_DOCS[method], value: method }));
    const picked = await vscode.window.showQuickPick(withPlanFirst(items, planMethod), { title, placeHolder: vscode.l10n.t('How fine-tuning and RLHF train the model'), ignoreFocusOut: true });
    return picked?.value;
  }

  private async askGpu(title: string): Promise<string | undefined> {
    const items = [...KNOWN_GPUS.map((gpu) => ({ label: gpu.name, description: `${String(gpu.memoryBytes / 1e9)} GB`, value: gpu.name })), { label: vscode.l10n.t('Do not check the fit'), value: NO_GPU }];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('The plan names no GPU: check the fit against one of these?'), ignoreFocusOut: true });
    return picked?.value;
  }
}
